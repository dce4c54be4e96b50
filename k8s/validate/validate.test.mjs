import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import yaml from 'js-yaml';
import { OVERLAYS, problems, render } from './validate.mjs';

const overlays = readdirSync(OVERLAYS);
const REPOSITORY = new URL('../..', import.meta.url).pathname;
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

/** The NetworkPolicies of an overlay that select a workload's pods. */
function policiesOf(objects, labels) {
  return objects.filter((object) => object.kind === 'NetworkPolicy').filter((policy) => {
    const selector = policy.spec.podSelector.matchLabels ?? {};
    return Object.entries(selector).every(([key, value]) => labels[key] === value);
  });
}

test('nothing reaches a pod or leaves one unless a policy names it: each workload names whom it serves and calls', () => {
  for (const overlay of overlays) {
    const objects = render(join(OVERLAYS, overlay));
    const denyAll = objects.find((object) => object.kind === 'NetworkPolicy' && Object.keys(object.spec.podSelector).length === 0
      && !object.spec.ingress && !object.spec.egress);
    assert.deepEqual(denyAll?.spec.policyTypes.sort(), ['Egress', 'Ingress'], `${overlay}: a default deny, both ways`);
    // pods on the host's network (node-agent) are not governed by NetworkPolicies
    const pods = objects.filter((object) => ['Deployment', 'StatefulSet'].includes(object.kind) && !object.spec.template.spec.hostNetwork);
    for (const workload of pods) {
      const own = policiesOf(objects, workload.spec.template.metadata.labels).filter((policy) => Object.keys(policy.spec.podSelector).length > 0);
      const where = `${overlay}/${workload.metadata.name}`;
      assert.ok(own.some((policy) => policy.spec.policyTypes.includes('Ingress')), `${where}: its own ingress policy`);
      assert.ok(own.some((policy) => policy.spec.policyTypes.includes('Egress')), `${where}: its own egress policy`);
      for (const rule of own.flatMap((policy) => policy.spec.ingress ?? [])) {
        assert.ok(workload.metadata.name === 'rabbitmq' || rule.from?.length, `${where}: ingress from named sources only`);
      }
    }
    // the services' calls to one another: each allowed by the caller's egress and by the callee's ingress
    const rulesOf = (name, direction) => policiesOf(objects, { 'app.kubernetes.io/name': name }).flatMap((policy) => policy.spec[direction] ?? []);
    const names = (rule, peers, name) => (rule[peers] ?? []).some((peer) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === name);
    const opens = (rule, port) => (rule.ports ?? []).some((allowed) => allowed.port === port);
    for (const [caller, callee, port] of [['api-gateway', 'cluster-service', 8481], ['api-gateway', 'metrics-service', 8483],
      ['cluster-service', 'metrics-service', 8483]]) {
      assert.ok(rulesOf(caller, 'egress').some((rule) => names(rule, 'to', callee) && opens(rule, port)), `${overlay}: ${caller} calls ${callee}`);
      assert.ok(rulesOf(callee, 'ingress').some((rule) => names(rule, 'from', caller) && opens(rule, port)), `${overlay}: ${callee} answers ${caller}`);
    }
  }
});

test('the prod overlay speaks to the broker over TLS only', () => {
  const objects = render(join(OVERLAYS, 'prod'));
  const endpoints = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('loligo-endpoints'));
  assert.equal(endpoints.data.AMQP_USE_SSL, 'true');
  assert.equal(endpoints.data.AMQP_PORT, '5671');
  for (const name of ['cluster-service', 'metrics-service']) {
    const workload = objects.find((object) => object.kind === 'Deployment' && object.metadata.name === name);
    assert.ok(workload.spec.template.spec.containers[0].env.some((variable) => variable.name === 'AMQP_USE_SSL'), name);
    const ports = policiesOf(objects, workload.spec.template.metadata.labels).flatMap((policy) => policy.spec.egress ?? [])
      .flatMap((rule) => rule.ports ?? []).map((port) => port.port);
    assert.ok(!ports.includes(5672), `${name} may not reach the broker's plain port`);
  }
});

test('the prod overlay has the services call one another over TLS only, with the CA of loligo-internal-tls', () => {
  const objects = render(join(OVERLAYS, 'prod'));
  const deployment = (name) => objects.find((object) => object.kind === 'Deployment' && object.metadata.name === name);
  const env = (workload) => Object.fromEntries(workload.spec.template.spec.containers[0].env.map((variable) => [variable.name, variable.value]));
  for (const name of ['api-gateway', 'cluster-service', 'metrics-service']) {
    const workload = deployment(name);
    assert.equal(env(workload).QUARKUS_PROFILE, 'prod,internal-tls', name);
    const mount = workload.spec.template.spec.containers[0].volumeMounts.find((volume) => volume.mountPath === '/etc/loligo/tls');
    assert.ok(mount, `${name} mounts the internal certificates`);
    const volume = workload.spec.template.spec.volumes.find((candidate) => candidate.name === mount.name);
    assert.equal(volume.secret.secretName, 'loligo-internal-tls', name);
    // the profile the manifests turn on is the services' own
    const properties = readFileSync(join(REPOSITORY, name, 'src/main/resources/application.properties'), 'utf8');
    assert.match(properties, /^%internal-tls\.quarkus\.tls\.internal\.trust-store\.pem\.certs=\/etc\/loligo\/tls\/ca\.crt$/m, name);
  }
  for (const name of ['cluster-service', 'metrics-service']) {
    const container = deployment(name).spec.template.spec.containers[0];
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      assert.equal(container[probe].httpGet.scheme, 'HTTPS', `${name} ${probe}`);
    }
    const properties = readFileSync(join(REPOSITORY, name, 'src/main/resources/application.properties'), 'utf8');
    assert.match(properties, /^%internal-tls\.quarkus\.http\.insecure-requests=disabled$/m, name);
  }
  const gateway = env(deployment('api-gateway'));
  assert.equal(gateway.QUARKUS_REST_CLIENT_CLUSTER_SERVICE_URL, 'https://cluster-service:8481');
  assert.equal(gateway.QUARKUS_REST_CLIENT_METRICS_SERVICE_URL, 'https://metrics-service:8483');
  assert.equal(env(deployment('cluster-service')).LOLIGO_LEADERSHIP_ADVERTISED_URL, 'https://$(POD_IP):8481');
  assert.equal(env(deployment('cluster-service')).QUARKUS_REST_CLIENT_METRICS_SERVICE_URL, 'https://metrics-service:8483');
});
