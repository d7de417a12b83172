// Runs after both builds of invoker.properties; build.log holds both.
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD') }
assert runs.size() == 2 : "expected two builds, found ${runs.size()}"

assert runs[0].contains('Tests run: 6, Failures: 0')
assert runs[0].contains('Eventsmith: all 6 spec(s) ran as tests')

// Run 2: only the YAML changed. The fingerprint source changed with it, so the compiler recompiled
// and the processor generated the new type and the new spec's test.
assert runs[1].contains('The event model (or Eventsmith\'s version) changed since the last build')
assert runs[1].contains('Recompiling the module because of changed source code.')
assert new File(basedir, 'target/generated-sources/annotations/com/example/giftcard/Note.java').isFile()
assert new File(basedir, 'target/classes/com/example/giftcard/Note.class').isFile()
assert runs[1].contains('Tests run: 7, Failures: 0')
assert runs[1].contains('Eventsmith: all 7 spec(s) ran as tests')
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.giftcard.RedeemCardSpecTest.xml').text
assert report.contains('redeemsTheWholeBalance')

// Nothing of another plugin's was touched: the compiler's own state is still there.
assert new File(basedir, 'target/maven-status/maven-compiler-plugin/compile/default-compile/inputFiles.lst').isFile()
def fingerprint = new File(basedir, 'target/generated-sources/eventsmith-fingerprint/com/example/giftcard/Eventsmith_GiftCardsFingerprint.java')
assert fingerprint.isFile()
return true
