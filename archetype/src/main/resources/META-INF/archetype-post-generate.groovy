// A jar keeps no file modes: make the Maven wrapper executable again, as the init goal does.
def project = new File(request.outputDirectory, request.artifactId)
new File(project, "mvnw").setExecutable(true, false)
