package dev.eventsmith.mcp.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Java declarations as source spells them (simple names, generics, parameter names), read from loaded classes. */
final class JavaSignatures {

  private JavaSignatures() {}

  /** {@code public final class CommandHandler<S, C extends Command, E extends Event>}, with supertypes and permits. */
  static String declaration(Class<?> type) {
    int modifiers = type.getModifiers();
    boolean plainClass = !type.isInterface() && !type.isEnum() && !type.isRecord();
    StringBuilder out = new StringBuilder("public ");
    if (plainClass && type.isMemberClass() && Modifier.isStatic(modifiers)) {
      out.append("static ");
    }
    if (plainClass && Modifier.isAbstract(modifiers)) {
      out.append("abstract ");
    }
    if (plainClass && Modifier.isFinal(modifiers)) {
      out.append("final ");
    }
    if (type.isSealed()) {
      out.append("sealed ");
    }
    out.append(kind(type)).append(' ').append(name(type)).append(typeParameters(type.getTypeParameters()));
    if (type.isRecord()) {
      out.append(Arrays.stream(type.getRecordComponents())
          .map(c -> name(c.getGenericType()) + " " + c.getName()).collect(Collectors.joining(", ", "(", ")")));
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      out.append(" extends ").append(name(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      out.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(JavaSignatures::name).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      out.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(JavaSignatures::name)
          .collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "@interface";
    }
    if (type.isInterface()) {
      return "interface";
    }
    return type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
  }

  /** The public constants, constructors and methods a user calls, in declaration order of kind. */
  static List<String> members(Class<?> type) {
    List<String> members = new ArrayList<>();
    if (type.isEnum()) {
      members.add(Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
          + ";");
    }
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers()) && !field.isEnumConstant() && !field.isSynthetic()) {
        members.add(modifiers(field.getModifiers() & ~(type.isInterface() ? Modifier.PUBLIC | Modifier.STATIC
            | Modifier.FINAL : 0)) + name(field.getGenericType()) + " " + field.getName() + ";");
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (Modifier.isPublic(constructor.getModifiers()) && !constructor.isSynthetic() && !canonical(type, constructor)) {
        members.add(modifiers(constructor.getModifiers()) + typeParameters(constructor.getTypeParameters())
            + (constructor.getTypeParameters().length > 0 ? " " : "") + name(type) + parameters(constructor) + ";");
      }
    }
    List<String> components = type.isRecord()
        ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
    Method[] methods = type.getDeclaredMethods();
    // Reflection lists methods in no fixed order: by name, then arity, keeps answers stable.
    Arrays.sort(methods, java.util.Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount)
        .thenComparing(Method::toGenericString));
    for (Method method : methods) {
      if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()
          || implicit(type, method, components)) {
        continue;
      }
      int modifiers = method.getModifiers();
      if (type.isInterface()) {
        modifiers &= ~(Modifier.PUBLIC | Modifier.ABSTRACT);
      }
      String variables = typeParameters(method.getTypeParameters());
      members.add((method.isDefault() ? "default " : "") + modifiers(modifiers) + (variables.isEmpty() ? ""
          : variables + " ") + name(method.getGenericReturnType()) + " " + method.getName() + parameters(method)
          + exceptions(method) + ";");
    }
    return members;
  }

  private static boolean canonical(Class<?> type, Constructor<?> constructor) {
    return type.isRecord() && Arrays.equals(constructor.getParameterTypes(),
        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray());
  }

  /** Accessors of record components, equals/hashCode/toString, and an enum's values()/valueOf(): implied by the declaration. */
  private static boolean implicit(Class<?> type, Method method, List<String> components) {
    String name = method.getName();
    int count = method.getParameterCount();
    if (type.isRecord() && count == 0 && components.contains(name)) {
      return true;
    }
    if ((type.isRecord() || type.isEnum()) && (name.equals("equals") && count == 1 || name.equals("hashCode")
        && count == 0 || name.equals("toString") && count == 0)) {
      return true;
    }
    return type.isEnum() && Modifier.isStatic(method.getModifiers())
        && (name.equals("values") && count == 0 || name.equals("valueOf") && count == 1);
  }

  private static String parameters(Executable executable) {
    Parameter[] parameters = executable.getParameters();
    Type[] types = executable.getGenericParameterTypes();
    // Inner classes' constructors and some enums have implicit parameters the generic types leave out.
    int offset = parameters.length - types.length;
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      Parameter parameter = parameters[i + offset];
      String type = executable.isVarArgs() && i == types.length - 1
          ? name(types[i]).replaceFirst("\\[]$", "...") : name(types[i]);
      shown.add(type + " " + parameter.getName());
    }
    return "(" + String.join(", ", shown) + ")";
  }

  private static String exceptions(Method method) {
    Type[] thrown = method.getGenericExceptionTypes();
    return thrown.length == 0 ? ""
        : " throws " + Arrays.stream(thrown).map(JavaSignatures::name).collect(Collectors.joining(", "));
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables).map(v -> {
      List<Type> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).toList();
      return v.getName() + (bounds.isEmpty() ? "" : " extends " + bounds.stream().map(JavaSignatures::name)
          .collect(Collectors.joining(" & ")));
    }).collect(Collectors.joining(", ", "<", ">"));
  }

  private static String modifiers(int modifiers) {
    String text = Modifier.toString(modifiers & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL
        | Modifier.ABSTRACT));
    return text.isEmpty() ? "" : text + " ";
  }

  /** A type with simple names: {@code Map<String, List<RecordedEvent>>}, {@code Decision.Accepted<E, R>}. */
  static String name(Type type) {
    if (type instanceof Class<?> cls) {
      if (cls.isArray()) {
        return name(cls.getComponentType()) + "[]";
      }
      return cls.getEnclosingClass() == null || cls.isAnonymousClass() ? cls.getSimpleName()
          : name(cls.getEnclosingClass()) + "." + cls.getSimpleName();
    }
    if (type instanceof ParameterizedType parameterized) {
      return name(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
          .map(JavaSignatures::name).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof WildcardType wildcard) {
      if (wildcard.getLowerBounds().length > 0) {
        return "? super " + name(wildcard.getLowerBounds()[0]);
      }
      Type upper = wildcard.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + name(upper);
    }
    if (type instanceof GenericArrayType array) {
      return name(array.getGenericComponentType()) + "[]";
    }
    return type.getTypeName();
  }
}
