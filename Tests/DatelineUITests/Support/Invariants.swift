import DatelineModel
import Testing

@testable import DatelineUI

/// What must hold after any message, at any size.
enum Invariants {
  static func check(_ state: BrowserState, _ context: @autoclosure () -> String) {
    for pane in Pane.allCases {
      let list = state.shownList(pane)
      let count = state.rows(pane).count
      if count == 0 {
        #expect(list.selected == 0, "\(pane) selection with no rows: \(context())")
      } else {
        #expect(
          (0..<count).contains(list.selected),
          "\(pane) selection \(list.selected) of \(count): \(context())")
      }
      #expect(list.top >= 0, "\(pane) top \(list.top): \(context())")
      let viewport = state.layout.viewport(for: pane)
      if count > 0 && viewport > 0 {
        let row = state.geometry(pane).displayRow(ofItem: list.selected)
        #expect(
          row >= list.top && row < list.top + viewport,
          "\(pane) selection row \(row) outside \(list.top)..<\(list.top + viewport): \(context())")
      }
      for position in [0, count - 1] where count > 0 {
        let index = state.rows(pane)[position]
        switch pane {
        case .events: #expect(state.timeline.events.indices.contains(index))
        case .people: #expect(state.timeline.actors.indices.contains(index))
        case .quotes: #expect(state.timeline.quotes.indices.contains(index))
        }
      }
    }
    switch state.focus {
    case .none: break
    case .person(let id):
      #expect(state.timeline.actor(id: id) != nil, "focus on unknown actor: \(context())")
    case .event(let id):
      #expect(state.timeline.event(id: id) != nil, "focus on unknown event: \(context())")
    }
    #expect(state.helpTop >= 0)
  }

  /// Nothing on screen can move the cursor or change the terminal.
  static func checkGridIsClean(_ grid: CellGrid, _ context: @autoclosure () -> String) {
    for cell in grid.cells {
      for scalar in cell.character.unicodeScalars {
        let v = scalar.value
        let control =
          v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v)
          || (0x2066...0x2069).contains(v)
        if control {
          Issue.record("control U+\(String(v, radix: 16)) on screen: \(context())")
          return
        }
      }
    }
  }
}
