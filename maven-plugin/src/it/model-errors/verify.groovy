def log = new File(basedir, 'build.log').text
assert log.contains("src/main/eventmodel/cart.yaml:9:")
assert log.contains("error[ESM-0103]: command 'CreateCart' emits unknown event 'CartCreatd' (did you mean 'CartCreated'?)")
assert log.contains('The event model')
assert !new File(basedir, 'target/generated-sources/eventsmith/com/example/cart').exists()
return true
