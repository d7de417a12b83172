package dev.eventsmith.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/** The files of a new project, about to be written into a folder that must not hold any of them. */
record NewProject(Path folder, Map<String, byte[]> files) {

  /** The project's files that already exist in the folder (as files, folders or links), in path order. */
  List<String> existing() {
    return files.keySet().stream()
        .filter(path -> Files.exists(folder.resolve(path), LinkOption.NOFOLLOW_LINKS)
            || Files.isSymbolicLink(folder.resolve(path)))
        .sorted()
        .toList();
  }

  /**
   * Writes every file, creating folders as needed; never replaces a file (one created meanwhile
   * makes this fail). Returns how many files it wrote.
   */
  int write() throws IOException {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue(), StandardOpenOption.CREATE_NEW);
      if (ProjectTemplate.EXECUTABLES.contains(file.getKey())) {
        target.toFile().setExecutable(true, false);
      }
    }
    return files.size();
  }
}
