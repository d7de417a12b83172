def log = new File(basedir, 'build.log').text
// The old runner ran nothing and said so quietly...
assert !(log =~ /Tests run: [1-9]/)
// ...and check-specs named every spec that did not run, and why.
assert log.contains('src/main/eventmodel/giftcard.yaml:')
assert log.contains('error[ESM-0801]: spec "redeems part of the balance" of RedeemCard did not run: no test report holds com.example.giftcard.RedeemCardSpecTest#redeemsPartOfTheBalance')
assert log.contains('6 spec(s) did not run as tests')
assert log.contains('maven-surefire-plugin 2.12.4 does not run JUnit 5 tests')
return true
