import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { OVERLAYS, problems, render } from './validate.mjs';

const overlays = readdirSync(OVERLAYS);
const OWN_WORKLOADS = ['api-gateway', 'cluster-service', 'metrics-service', 'node-agent'];

test('both overlays render, and every object in them is valid', async () => {
  assert.deepEqual(overlays.sort(), ['dev', 'prod']);
  for (const overlay of overlays) {
    assert.deepEqual(await problems(render(join(OVERLAYS, overlay))), [], overlay);
  }
});

test('a broken manifest is refused, each mistake named, unknown fields included', async () => {
  const broken = yaml.loadAll(readFileSync(new URL('./fixtures/broken-deployment.yaml', import.meta.url), 'utf8'));
  const found = await problems(broken);
  for (const expected of [/\/spec\/replicas: must be integer/, /spec\.replica: unknown field/,
    /containers\[0\]\.imagePullPolicyy: unknown field/, /containerPort: must be integer/,
    /securityContext\.readOnlyRootFilesystems: unknown field/]) {
    assert.ok(found.some((problem) => expected.test(problem)), `${expected} in ${JSON.stringify(found, null, 1)}`);
  }
  assert.ok(!found.some((problem) => problem.includes('any-label')), 'labels take any key');
});

test('every Loligo workload has probes, resources and a locked-down security context', () => {
  for (const overlay of overlays) {
    const workloads = render(join(OVERLAYS, overlay)).filter((object) => ['Deployment', 'DaemonSet'].includes(object.kind));
    assert.deepEqual(workloads.map((workload) => workload.metadata.name).sort(), OWN_WORKLOADS);
    for (const workload of workloads) {
      const pod = workload.spec.template.spec;
      assert.equal(pod.securityContext.runAsNonRoot, true, workload.metadata.name);
      for (const container of pod.containers) {
        const where = `${overlay}: ${workload.metadata.name}/${container.name}`;
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) assert.ok(container[probe], `${where} ${probe}`);
        assert.ok(container.resources.requests && container.resources.limits, `${where} resources`);
        assert.equal(container.securityContext.allowPrivilegeEscalation, false, where);
        assert.equal(container.securityContext.readOnlyRootFilesystem, true, where);
        assert.deepEqual(container.securityContext.capabilities.drop, ['ALL'], where);
      }
    }
  }
});
