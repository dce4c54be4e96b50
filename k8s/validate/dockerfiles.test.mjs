// The Dockerfiles against the build output they copy, as no image can be built here: run after 'mvn package' and the
// native sources-only build (dev/loligo test does both first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('../..', import.meta.url).pathname;
const SERVICES = ['api-gateway', 'cluster-service', 'metrics-service', 'node-agent'];

/** The sources of a Dockerfile's COPY lines, relative to the module directory (the build context). */
function copied(dockerfile) {
  return [...readFileSync(dockerfile, 'utf8').matchAll(/^COPY\s+(?:--\S+\s+)*(\S+)\s+\S+$/gm)].map((match) => match[1]);
}

/** Whether a COPY source, which may end in a glob, matches anything in the module. */
function matches(module, source) {
  if (!source.includes('*')) return existsSync(join(module, source));
  const dir = join(module, source.slice(0, source.lastIndexOf('/')));
  const pattern = new RegExp(`^${source.slice(source.lastIndexOf('/') + 1).replaceAll('.', '\\.').replaceAll('*', '.*')}$`);
  return existsSync(dir) && readdirSync(dir).some((name) => pattern.test(name));
}

function httpPort(module) {
  return readFileSync(join(module, 'src/main/resources/application.properties'), 'utf8').match(/^quarkus\.http\.port=(\d+)$/m)[1];
}

for (const service of SERVICES) {
  const module = join(ROOT, service);
  const docker = join(module, 'src/main/docker');

  test(`${service}: Dockerfile.jvm copies what 'mvn package' writes, and exposes the service's port`, () => {
    const sources = copied(join(docker, 'Dockerfile.jvm'));
    assert.ok(sources.length >= 4, 'the four layers of a fast-jar');
    for (const source of sources) assert.ok(matches(module, source), `${source} is missing: run mvn package first`);
    assert.match(readFileSync(join(docker, 'Dockerfile.jvm'), 'utf8'), new RegExp(`^EXPOSE ${httpPort(module)}$`, 'm'));
  });

  test(`${service}: Dockerfile.native copies the executable a native build names`, () => {
    const args = readFileSync(join(module, 'target/native-sources/native-image.args'), 'utf8').split(/\s+/);
    // the executable's name is the argument before -jar
    const executable = args[args.indexOf('-jar') - 1];
    const [source] = copied(join(docker, 'Dockerfile.native'));
    assert.match(`target/${executable}`, new RegExp(`^${source.replaceAll('.', '\\.').replaceAll('*', '[^/]*')}$`));
    assert.match(readFileSync(join(docker, 'Dockerfile.native'), 'utf8'), new RegExp(`^EXPOSE ${httpPort(module)}$`, 'm'));
  });
}
