package dev.eventsmith.spec.codegen;

/**
 * The sizes the validator holds a model to, so that the code generated from it stays within what
 * javac, the class file format and common file systems accept, with margin. Each limit is
 * documented in docs/model-format.md with the error code that reports it.
 */
public final class JavaLimits {

  /**
   * The longest name of anything (element, field, enum constant, package segment). With the
   * longest generated suffix the longest file name is {@code <name>Automation$Issues.class}, 87
   * bytes: far below the 255 bytes of ext4, APFS and NTFS and the 143 of eCryptfs, and short enough
   * that Windows' 260-character paths and 100-column lines stay in reach.
   */
  public static final int MAX_NAME_LENGTH = 64;

  /**
   * The most fields of one event, command, rejection or view: its record's canonical constructor
   * may take at most 254 parameter slots, and a {@code long} field takes two.
   */
  public static final int MAX_FIELDS = 120;

  /**
   * The most events of one model, commands or events of one aggregate, events one view is built
   * from, and constants of one enum: each becomes a branch of one generated method (the codec's
   * {@code decode}, a decider's dispatch, an enum's initializer), which javac limits to 64 KiB of
   * bytecode.
   */
  public static final int MAX_MEMBERS = 1_000;

  /**
   * The longest text that becomes a Java string constant (spec names and values, patterns, stored
   * names): a constant holds at most 65,535 bytes of modified UTF-8, three per character at worst.
   */
  public static final int MAX_TEXT_LENGTH = 20_000;

  /**
   * The most {@linkplain SpecSize values} of one spec message. A spec test method holds its
   * {@code when} and a single {@code then} message (a view row, a rejection) and short lists of
   * messages: two messages at this limit and a list at {@link #INLINE_LIST_VALUES} stay below
   * 53 KiB of the 64 KiB of bytecode a method may have.
   */
  public static final int MAX_MESSAGE_VALUES = 1_000;

  /** Lists of messages ({@code given}, {@code then}) up to this many values are written in the test method. */
  public static final int INLINE_LIST_VALUES = 200;

  /** Longer lists are built by helper methods of at most this many values each (24 KiB of bytecode). */
  public static final int LIST_CHUNK_VALUES = 1_000;

  /**
   * The most constant pool entries the specs of one subject may need in their test class, counted
   * as the validator's ESM-0315 check does (two per distinct text, six per type, ...): a class file
   * holds at most 65,535.
   */
  public static final int MAX_SPEC_CLASS_CONSTANTS = 60_000;

  private JavaLimits() {}
}
