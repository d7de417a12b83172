package dev.eventsmith.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/** What the project's own POM binds of this plugin: read from the project model, never from another plugin's files. */
final class PluginBindings {

  static final String GROUP_ID = "dev.eventsmith";
  static final String ARTIFACT_ID = "eventsmith-maven-plugin";

  private PluginBindings() {}

  /** Whether some execution of this plugin in {@code project} runs {@code goal}. */
  static boolean binds(MavenProject project, String goal) {
    for (Plugin plugin : project.getBuildPlugins()) {
      if (GROUP_ID.equals(plugin.getGroupId()) && ARTIFACT_ID.equals(plugin.getArtifactId())) {
        for (PluginExecution execution : plugin.getExecutions()) {
          if (execution.getGoals().contains(goal)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The version of {@code artifactId} (of group org.apache.maven.plugins) the project builds with, if it says. */
  static String mavenPluginVersion(MavenProject project, String artifactId) {
    for (Plugin plugin : project.getBuildPlugins()) {
      if ("org.apache.maven.plugins".equals(plugin.getGroupId()) && artifactId.equals(plugin.getArtifactId())) {
        return plugin.getVersion() == null ? "" : plugin.getVersion();
      }
    }
    return "";
  }
}
