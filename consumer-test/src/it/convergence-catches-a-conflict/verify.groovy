// The build failed (invoker.properties); it must have failed on the conflict it was built to show.
def log = new File(basedir, 'build.log').text
assert log.contains('Dependency convergence error for org.slf4j:slf4j-api') : 'expected a convergence error for slf4j-api'
assert log.contains('Rule 0: org.apache.maven.enforcer.rules.dependency.DependencyConvergence failed') : 'expected the DependencyConvergence rule to fail'
return true
