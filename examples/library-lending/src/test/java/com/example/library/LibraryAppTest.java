package com.example.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's scenario end to end on one SQLite file: each rule shows, and the views answer their lookups. */
class LibraryAppTest {

  @TempDir
  Path temp;

  @Test
  void theScenarioShowsTheCapTheOneHolderAndTheQueue() throws Exception {
    Path file = temp.resolve("library.db");
    String out = printed(() -> LibraryApp.main(new String[] {file.toString()}));
    List<String> outcomes = out.lines().filter(l -> l.startsWith("    -> ")).map(l -> l.substring(7)).toList();
    assertEquals(List.of("accepted", "accepted", "accepted", "rejected: MemberExists",
        "accepted", "accepted", "accepted", "accepted",
        "accepted", "accepted", "accepted", "rejected: TooManyLoans[max=3]",
        "rejected: BookOnLoan", "accepted", "accepted", "rejected: AlreadyReserved", "rejected: AlreadyHeld",
        "accepted", "rejected: ReservedForAnother", "accepted", "accepted", "accepted", "accepted",
        "rejected: NotOnLoanToMember", "accepted"),
        outcomes.stream().map(o -> o.startsWith("accepted") ? "accepted" : o.replace("[]", "")).toList(), out);
    assertTrue(out.contains("Ann's loans (lookup by member): [persuasion, walden]"), out);
    assertTrue(out.contains("Bob's loans (lookup by member): [dune]"), out);
    assertTrue(out.contains("on loan (lookup by status): [dune, persuasion, walden]"), out);
    assertTrue(out.contains("by Jane Austen (lookup by author): [emma, persuasion]"), out);
    assertTrue(out.contains("MemberLoans[book=dune, member=Optional[bob], times=2]"), out);
    assertTrue(out.contains("MemberLoans[book=emma, member=Optional.empty, times=1]"), out);
    assertTrue(out.contains("author=Jane Austen, status=AVAILABLE, queue=[]]"), out);
    assertTrue(out.contains("View LoanCount: [LoanCount[onLoan=3, lent=5]]"), out);
  }

  private static String printed(ThrowingRunnable body) throws Exception {
    PrintStream before = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(before);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
