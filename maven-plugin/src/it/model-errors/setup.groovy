// The broken model is written here, before the build, rather than kept in the repository, where
// every model file must be valid (spec's ModelSchemaTest checks them all).
def model = new File(basedir, 'src/main/eventmodel/cart.yaml')
model.parentFile.mkdirs()
model.text = '''\
eventmodel: 1
name: Cart
package: com.example.cart
aggregates:
  Cart: { id: cartId }
events:
  CartCreated: { fields: { cartId: uuid } }
commands:
  CreateCart: { aggregate: Cart, fields: { cartId: uuid }, emits: [CartCreatd] }
'''
return true
