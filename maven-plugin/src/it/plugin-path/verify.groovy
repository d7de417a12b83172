// Runs after the three builds of invoker.properties; build.log holds all three.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD') }
assert runs.size() == 3 : "expected three builds, found ${runs.size()}"

def generated = new File(basedir, 'target/generated-sources/eventsmith/com/example/giftcard')
assert new File(generated, 'GiftCardDecider.java').isFile()
assert new File(basedir, 'target/generated-test-sources/eventsmith/com/example/giftcard/RedeemCardSpecTest.java').isFile()

// Run 1: generated, compiled, tested, checked, drawn.
assert runs[0].contains('Eventsmith: generated GiftCards')
assert runs[0].contains('Tests run: 6, Failures: 0')
assert runs[0].contains('Eventsmith: all 6 spec(s) ran as tests')
assert runs[0] =~ /RedeemCard\s+command\s+written\s+3\s+3\s+0\s+0/

// Run 2: nothing regenerated, so nothing recompiled; spec strength finds the planted boundary.
assert runs[1].contains('the generated code of GiftCards is up to date')
assert runs[1].contains('Nothing to compile - all classes are up to date')
assert runs[1].contains('GiftCard.java:29: warning[ESM-0802]: no spec fails when GiftCard.java:29 `>` becomes `>=`: add a spec at that boundary')
def strength = new File(basedir, 'target/eventsmith/spec-strength.json').text
assert strength =~ /"file" : "src\/main\/java\/com\/example\/giftcard\/GiftCard.java",\s*"line" : 29,/
assert strength.contains('"finding" : "no spec fails when GiftCard.java:29 `>` becomes `>=`: add a spec at that boundary"')

// Run 3: a change to the YAML alone regenerates the main code (a new type) and the tests (a new spec).
assert runs[2].contains('Eventsmith: generated GiftCards')
assert new File(generated, 'Note.java').isFile()
assert new File(basedir, 'target/classes/com/example/giftcard/Note.class').isFile()
assert runs[2].contains('Tests run: 7, Failures: 0')
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.giftcard.RedeemCardSpecTest.xml').text
assert report.contains('redeemsTheWholeBalance')

def status = new File(basedir, 'target/eventsmith/status.json').text
assert status =~ /"name" : "RedeemCard",\s*"kind" : "command",\s*"implemented" : true,\s*"implementation" : "com.example.giftcard.GiftCard",\s*"state" : "passing"/
def page = new File(basedir, 'target/eventsmith/GiftCards.html').text
assert page.contains('RedeemCard') && page.contains('4 specs')
assert new File(basedir, 'target/eventsmith/GiftCards.svg').text.startsWith('<?xml')
return true
