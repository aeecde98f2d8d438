import Testing

@testable import DatelineUI

@Test func scratch() {
  var s = Fixtures.state(width: 120, height: 40)
  print(s.screen)
  s.press("2")
  print(s.screen)
  s.press("<Enter>]]")
  print(s.screen)
  var t = Fixtures.state(width: 80, height: 24)
  print(t.screen)
  t.press("/deal")
  print(t.screen)
  print(Fixtures.state(width: 40, height: 12).screen)
  print(Fixtures.state(width: 40, height: 12).pressing("?").screen)
}
