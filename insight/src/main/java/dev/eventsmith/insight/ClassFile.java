package dev.eventsmith.insight;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled class says about itself, read from its bytes without loading it: its name, kind,
 * super types and whether it has a constructor without parameters. Loading user classes would run
 * their static initializers inside the build.
 *
 * @param name binary name with dots, e.g. {@code com.example.cart.Cart}
 * @param superName the binary name of the superclass, empty for {@code java.lang.Object}
 */
record ClassFile(
    String name,
    int access,
    String superName,
    List<String> interfaces,
    boolean nested,
    boolean noArgConstructor) {

  private static final int ACC_PRIVATE = 0x0002;
  private static final int ACC_INTERFACE = 0x0200;
  private static final int ACC_ABSTRACT = 0x0400;
  private static final int ACC_ANNOTATION = 0x2000;
  private static final int ACC_ENUM = 0x4000;

  /** A class or record the generated tests can create with {@code new}: not abstract, no interface or enum. */
  boolean concrete() {
    return (access & (ACC_INTERFACE | ACC_ABSTRACT | ACC_ANNOTATION | ACC_ENUM)) == 0;
  }

  static ClassFile read(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // eight-byte constants take two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    int access = in.readUnsignedShort();
    int thisClass = in.readUnsignedShort();
    int superClass = in.readUnsignedShort();
    String name = className(utf8, classNameIndex, thisClass);
    String superName = superClass == 0 ? "" : className(utf8, classNameIndex, superClass);
    List<String> interfaces = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      interfaces.add(className(utf8, classNameIndex, in.readUnsignedShort()));
    }
    for (int i = in.readUnsignedShort(); i > 0; i--) { // fields
      in.skipBytes(6);
      skipAttributes(in);
    }
    boolean noArgConstructor = false;
    for (int i = in.readUnsignedShort(); i > 0; i--) { // methods
      int methodAccess = in.readUnsignedShort();
      String methodName = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      if ("<init>".equals(methodName) && "()V".equals(descriptor) && (methodAccess & ACC_PRIVATE) == 0) {
        noArgConstructor = true;
      }
      skipAttributes(in);
    }
    boolean nested = false;
    for (int i = in.readUnsignedShort(); i > 0; i--) { // class attributes
      String attribute = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if ("InnerClasses".equals(attribute)) {
        for (int n = in.readUnsignedShort(); n > 0; n--) {
          nested |= in.readUnsignedShort() == thisClass;
          in.skipBytes(6);
        }
      } else {
        in.skipBytes(length);
      }
    }
    return new ClassFile(name, access, superName, List.copyOf(interfaces), nested, noArgConstructor);
  }

  private static String className(String[] utf8, int[] classNameIndex, int index) {
    return utf8[classNameIndex[index]].replace('/', '.');
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      in.readUnsignedShort();
      in.skipBytes(in.readInt());
    }
  }
}
