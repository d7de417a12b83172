def log = new File(basedir, 'build.log').text
// The old runner ran nothing and said so quietly...
assert !(log =~ /Tests run: [1-9]/)
// ...and check-specs named every spec that did not run, and why.
assert log =~ /src\/main\/eventmodel\/counter.yaml:15:\d+: error\[ESM-0801\]: spec "counts up" of Increment did not run: no test report holds com.example.counter.IncrementSpecTest#countsUp/
assert log.contains('spec "counts up again" of Increment did not run')
assert log.contains('2 spec(s) did not run as tests')
assert log.contains('maven-surefire-plugin 2.12.4 does not run JUnit 5 tests')
return true
