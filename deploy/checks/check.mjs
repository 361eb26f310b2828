// Offline checks of everything under deploy/ that ships the services (run by ./mvnw verify through deploy/pom.xml):
//   node check.mjs ROOT     ROOT = the repository root
// 1. The Dockerfile lints clean (dockerfile-utils) and copies exactly the layers each service jar extracts into; its
//    class data sharing training runs on those layers as the image build would, and a start with the ENTRYPOINT's
//    command maps most of its classes from the archive.
// 2. The compose file is valid (docker-compose config, dclint's compose-spec schema).
// 3. Every Kustomize overlay renders; every object validates against the Kubernetes / KEDA schemas (kubernetes-models)
//    and compiles against their TypeScript types with `satisfies` (unknown fields).
// 4. Images, ports, probe paths, environment variables, shutdown timing, KEDA topics and groups agree with what the
//    services configure, read from their application.yml and @ConfigurationProperties, not from a second list.
// 5. Every place that starts a service runs its JVM with -XX:+ExitOnOutOfMemoryError: the image, any JAVA_TOOL_OPTIONS
//    that replaces the image's (compose, Kubernetes), and local-stack's JVM arguments (the run command, the tests).
// A mutation self-test at the end proves the consistency checks fail on a wrong port, path, variable and replica count,
// and on JVM options without the out-of-memory exit.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { validate as validateDockerfile } from 'dockerfile-utils';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(process.argv[2] ?? path.join(here, '..', '..'));
const deploy = path.join(root, 'deploy');
const SERVICES = ['ingest-service', 'parser-service', 'indexer-service'];
const failures = [];
const fail = (where, message) => failures.push(`${where}: ${message}`);

// ---------------------------------------------------------------- the services' own configuration
function flatten(value, prefix, out) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) out.maps.add(prefix); // `configuration: {}`: a map of free keys
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.keys.set(prefix, value);
  }
  return out;
}
const envForm = (property) => property.replace(/\[|\]/g, '').replace(/-/g, '').replace(/\./g, '_').toUpperCase();
const kebab = (camel) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function javaFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.java'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** What a service exposes and reads, from its application.yml, its @ConfigurationProperties and the topics file. */
export function serviceModel(name) {
  const moduleDir = path.join(root, name);
  const text = fs.readFileSync(path.join(moduleDir, 'src/main/resources/application.yml'), 'utf8');
  const yml = YAML.parse(text);
  const flat = flatten(yml, '', { keys: new Map(), maps: new Set() });
  const env = new Set([...flat.keys.keys()].map(envForm));
  const envPrefixes = new Set([...flat.maps].map((p) => envForm(p) + '_'));
  for (const m of text.matchAll(/\$\{([A-Z][A-Z0-9_]*):/g)) env.add(m[1]); // ${KAFKA_BOOTSTRAP_SERVERS:...}
  const topics = Object.fromEntries(fs.readFileSync(path.join(root,
    'article-contract/src/main/resources/parkworld-topics.properties'), 'utf8').split('\n')
    .filter((l) => /^[a-z]/.test(l)).map((l) => l.split('=').map((s) => s.trim())));
  for (const key of Object.keys(topics)) env.add(envForm(key));
  // @ConfigurationProperties("prefix") records of the service and the shared messaging module: prefix + @param.
  for (const file of [...javaFiles(path.join(moduleDir, 'src/main/java')),
                      ...javaFiles(path.join(root, 'pipeline-messaging/src/main/java'))]) {
    const source = fs.readFileSync(file, 'utf8');
    const prefix = source.match(/@ConfigurationProperties\("([^"]+)"\)/);
    if (!prefix) continue;
    for (const param of source.matchAll(/@param\s+(\w+)/g)) {
      envPrefixes.add(envForm(`${prefix[1]}.${kebab(param[1])}`));
    }
  }
  const get = (key) => flat.keys.get(key);
  const exposure = String(get('management.endpoints.web.exposure.include') ?? '').split(',').map((s) => s.trim());
  const paths = new Set();
  if (exposure.includes('health')) {
    paths.add('/actuator/health');
    if (get('management.endpoint.health.probes.enabled') === true) {
      paths.add('/actuator/health/liveness');
      paths.add('/actuator/health/readiness');
    }
  }
  if (exposure.includes('prometheus')) paths.add('/actuator/prometheus');
  if (exposure.includes('info')) paths.add('/actuator/info');
  const resolve = (value) => String(value).replace(/\$\{([^}:]+)\}/g, (_, k) => topics[k] ?? `\${${k}}`);
  const consumers = {};
  for (const [key, value] of flat.keys) {
    const m = key.match(/^spring\.cloud\.stream\.bindings\.([^.]+-in-\d+)\.destination$/);
    if (m) consumers[m[1]] = { topic: resolve(value), group: get(`spring.cloud.stream.bindings.${m[1]}.group`) };
  }
  return {
    name,
    applicationName: get('spring.application.name'),
    port: get('server.port'),
    gracefulShutdown: get('server.shutdown') === 'graceful',
    shutdownPhaseSeconds: seconds(get('spring.lifecycle.timeout-per-shutdown-phase') ?? '30s'),
    paths,
    consumers,
    reads(variable) {
      return env.has(variable)
        || [...envPrefixes].some((p) => (p.endsWith('_') ? variable.startsWith(p) : variable === p || variable.startsWith(p + '_')))
        // The JVM's own (the image's heap and OOM flags) and Spring Boot's server.port.
        || variable === 'JAVA_TOOL_OPTIONS'
        // The AWS SDK's default credential chain, which the blob store's S3 client uses (blob-store/README.md).
        || (flat.keys.has(`parkworld.${name.replace('-service', '')}.blob-store.s3.region`)
            && ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].includes(variable));
    },
  };
}
function seconds(duration) {
  const m = String(duration).match(/^(\d+)(ms|s|m)?$/);
  if (!m) throw new Error(`not a duration: ${duration}`);
  return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60 }[m[2] ?? 'ms'] ?? 1) / (m[2] ? 1 : 1000);
}

// ---------------------------------------------------------------- 1. Dockerfile and layers
// Class data sharing: the share of the classes a start loads that it must map from the image's archive (the JDK's
// base archive and app.jsa) for the archive to count as used. Measured on the three services: 95.7-96.5 % (2026-12-03).
const MIN_SHARED_CLASSES = 0.9;

/** The words of a shell-form RUN line with no quoting in it (the Dockerfile's training command). */
const words = (line) => line.trim().split(/\s+/);

async function checkDockerfile(models) {
  const file = path.join(deploy, 'docker/Dockerfile');
  const text = fs.readFileSync(file, 'utf8');
  for (const d of validateDockerfile(text)) {
    fail('deploy/docker/Dockerfile', `line ${d.range.start.line + 1}: ${d.message}`);
  }
  const copied = [...text.matchAll(/COPY --from=layers \/build\/extracted\/([\w-]+)\/ \.\//g)].map((m) => m[1]);
  const extract = text.match(/^RUN (java -Djarmode=tools -jar app\.jar extract .*)$/m)?.[1];
  // Continuation lines joined: the training command spans two.
  const training = text.replace(/\\\n\s*/g, ' ').match(/^RUN (java .*-XX:ArchiveClassesAtExit=(\S+).*)$/m);
  const entrypoint = JSON.parse(text.match(/^ENTRYPOINT (\[.*\])$/m)?.[1] ?? '[]');
  const toolOptions = imageJavaToolOptions(text);
  const health = text.match(/GET (\/[\w/]+) HTTP/)?.[1];
  if (!extract) { fail('deploy/docker/Dockerfile', 'no RUN java -Djarmode=tools -jar app.jar extract ...'); return; }
  if (!training) { fail('deploy/docker/Dockerfile', 'no class data sharing training (RUN java -XX:ArchiveClassesAtExit=...)'); return; }
  const archive = training[2];
  if (!entrypoint.includes(`-XX:SharedArchiveFile=${archive}`)) {
    fail('deploy/docker/Dockerfile', `ENTRYPOINT ${JSON.stringify(entrypoint)} does not map the archive ${archive} the training writes`);
  }
  const jarOf = (command) => command[command.indexOf('-jar') + 1];
  if (jarOf(words(training[1])) !== jarOf(entrypoint)) {
    fail('deploy/docker/Dockerfile', `the training starts ${jarOf(words(training[1]))}, the ENTRYPOINT ${jarOf(entrypoint)}: `
      + 'an archive is only used with the class path it was made with');
  }
  // The images' training and start, run here on the extracted layers as the image holds them, concurrently. Kafka
  // and Elasticsearch on a closed port: while an image builds neither is reachable, and a developer's must not be
  // touched by a check.
  const env = { ...process.env, JAVA_TOOL_OPTIONS: toolOptions, KAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:1',
    PARKWORLD_ELASTICSEARCH_URIS: 'http://127.0.0.1:1' };
  const run = (command, cwd) => new Promise((resolve) => {
    execFile(command[0], command.slice(1), { cwd, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? error.signal) : 0, output: `${stderr}${stdout}` }));
  });
  await Promise.all(models.map(async (model) => {
    if (!model.paths.has(health)) fail('deploy/docker/Dockerfile', `HEALTHCHECK path ${health} is not exposed by ${model.name}`);
    const jar = path.join(root, model.name, 'target', `${model.name}.jar`);
    if (!fs.existsSync(jar)) { fail(model.name, `${jar} missing: build it first (package phase)`); return; }
    const build = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
    try {
      fs.copyFileSync(jar, path.join(build, 'app.jar'));
      const extracted = await run(words(extract), build);
      if (extracted.code !== 0) { fail(model.name, `extraction failed: ${extracted.output}`); return; }
      const out = path.join(build, 'extracted');
      const layers = fs.readdirSync(out).sort();
      if (JSON.stringify(layers) !== JSON.stringify([...copied].sort())) {
        fail(model.name, `jar extracts into layers ${layers} but the Dockerfile copies ${copied}`);
      }
      const app = path.join(build, 'app');
      for (const layer of copied) fs.cpSync(path.join(out, layer), app, { recursive: true });
      const entryJar = jarOf(entrypoint);
      if (!fs.existsSync(path.join(app, entryJar)) || !fs.existsSync(path.join(app, 'lib'))
          || fs.readdirSync(path.join(app, 'lib')).length === 0) {
        fail(model.name, `the layers hold no ${entryJar} or no lib/ of dependencies`);
        return;
      }
      const trained = await run(words(training[1]), app);
      if (trained.code !== 0 || !fs.existsSync(path.join(app, archive))) {
        fail(model.name, `class data sharing training exited ${trained.code} without ${archive}:\n`
          + trained.output.split('\n').filter((l) => !l.includes('[warning][cds]')).slice(-30).join('\n'));
        return;
      }
      // The ENTRYPOINT's command with the training's arguments, up to the end of the refresh too, logging where
      // each class came from.
      const classes = path.join(build, 'classes.txt');
      const trainingWords = words(training[1]);
      const started = await run([...entrypoint.slice(0, -2), `-Xlog:class+load=info:file=${classes}`,
        '-Dspring.context.exit=onRefresh', ...entrypoint.slice(-2),
        ...trainingWords.slice(trainingWords.indexOf('-jar') + 2)], app);
      const loaded = fs.existsSync(classes) ? fs.readFileSync(classes, 'utf8').split('\n').filter((l) => l.includes('source:')) : [];
      const shared = loaded.filter((l) => l.includes('source: shared objects file')).length;
      if (started.code !== 0 || loaded.length === 0 || shared / loaded.length < MIN_SHARED_CLASSES) {
        fail(model.name, `the ENTRYPOINT mapped ${shared} of ${loaded.length} classes from ${archive} and the base `
          + `archive (exit ${started.code}; at least ${MIN_SHARED_CLASSES * 100} % expected):\n`
          + started.output.split('\n').filter((l) => /cds|shar|error/i.test(l)).slice(0, 20).join('\n'));
      } else {
        sharedShares.push(`${model.name} ${shared}/${loaded.length}`);
      }
    } finally {
      fs.rmSync(build, { recursive: true, force: true });
    }
  }));
}
const sharedShares = [];

// ---------------------------------------------------------------- 2. compose
function checkCompose(models) {
  const file = path.join(deploy, 'compose/compose.yaml');
  try {
    execFileSync('docker-compose', ['-f', file, 'config', '-q'], { stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (e) { fail('deploy/compose/compose.yaml', `docker-compose config: ${e.stderr}`); }
  try {
    execFileSync(path.join(here, 'node_modules/.bin/dclint'), ['-q', '--color', 'false', file], { stdio: 'pipe' });
  } catch (e) { fail('deploy/compose/compose.yaml', `dclint: ${e.stdout}${e.stderr}`); }
  const compose = YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true });
  for (const model of models) {
    const where = `compose service ${model.name}`;
    const service = compose.services[model.name];
    if (!service) { fail(where, 'missing'); continue; }
    if (service.build?.args?.SERVICE !== model.name) fail(where, `build arg SERVICE ${service.build?.args?.SERVICE}`);
    if (Number(service.build?.args?.PORT) !== model.port) fail(where, `build arg PORT ${service.build?.args?.PORT} != server.port ${model.port}`);
    for (const port of service.ports ?? []) {
      if (Number(String(port).split(':').pop()) !== model.port) fail(where, `port ${port} is not server.port ${model.port}`);
    }
    for (const variable of Object.keys(service.environment ?? {})) {
      if (!model.reads(variable)) fail(where, `environment variable ${variable} is read by no property of ${model.name}`);
    }
    const options = service.environment?.JAVA_TOOL_OPTIONS ?? imageJavaToolOptions(dockerfileText());
    if (withoutOomExit(options)) fail(where, `JAVA_TOOL_OPTIONS: ${withoutOomExit(options)}`);
    for (const dependency of Object.values(service.depends_on ?? {})) {
      if (dependency.condition !== 'service_healthy') fail(where, 'depends_on without condition service_healthy');
    }
  }
}

// ---------------------------------------------------------------- 3. Kubernetes objects
function modelPath(apiVersion, kind) {
  if (apiVersion.startsWith('keda.sh/')) return `@kubernetes-models/keda/${apiVersion}/${kind}`;
  return `kubernetes-models/${apiVersion}/${kind}`;
}
function render(overlay) {
  return YAML.parseAllDocuments(execFileSync('kubectl', ['kustomize', overlay], { encoding: 'utf8' }))
    .map((d) => d.toJSON()).filter(Boolean);
}
async function checkSchemas(objects, label, tsDir) {
  const lines = [];
  for (const [i, object] of objects.entries()) {
    const where = `${label} ${object.kind}/${object.metadata?.name}`;
    let Model;
    try { Model = (await import(modelPath(object.apiVersion, object.kind)))[object.kind]; } catch (e) {
      fail(where, `no schema for ${object.apiVersion} ${object.kind}`); continue;
    }
    try { new Model(object).validate(); } catch (e) { fail(where, e.message); }
    lines.push(`import type { I${object.kind} as T${i} } from "${modelPath(object.apiVersion, object.kind)}";`);
    lines.push(`export const o${i} = ${JSON.stringify(object)} satisfies T${i};`);
  }
  fs.writeFileSync(path.join(tsDir, `${label}.ts`), lines.join('\n') + '\n');
}
function compileTypes(tsDir) {
  fs.writeFileSync(path.join(tsDir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022',
      types: [], skipLibCheck: true, typeRoots: [] },
    include: ['*.ts'],
  }));
  try {
    execFileSync(path.join(here, 'node_modules/.bin/tsc'), ['-p', tsDir], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) { fail('TypeScript', `${e.stdout}${e.stderr}`.trim()); }
}

// ---------------------------------------------------------------- 4. objects against the services
export function checkAgainstServices(objects, models, label, report = fail) {
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const configMap = (name) => byKind('ConfigMap').find((c) => c.metadata.name === name);
  if (byKind('Secret').length > 0) report(label, 'a Secret is rendered: secrets are created in the cluster, never committed');
  const partitions = configMap('parkworld-topic-partitions')?.data ?? {};
  // The AsyncAPI document tells consumers each topic's partitions: the cluster's topics must be created alike.
  const asyncApi = YAML.parse(fs.readFileSync(path.join(root, 'article-contract', 'asyncapi.yaml'), 'utf8'));
  for (const [topic, count] of Object.entries(partitions)) {
    const channel = Object.values(asyncApi.channels ?? {}).find((c) => c.address === topic);
    const documented = channel?.bindings?.kafka?.partitions;
    if (Number(count) !== documented) {
      report(label, `parkworld-topic-partitions gives ${topic} ${count} partitions, article-contract/asyncapi.yaml ${documented}`);
    }
  }
  for (const model of models) {
    const where = `${label} ${model.name}`;
    const workload = objects.find((o) => ['Deployment', 'StatefulSet'].includes(o.kind) && o.metadata.name === model.name);
    if (!workload) { report(where, 'no Deployment or StatefulSet'); continue; }
    const pod = workload.spec.template.spec;
    const container = pod.containers.find((c) => c.name === model.name);
    if (!container) { report(where, 'no container named after the service'); continue; }
    const image = container.image.split('@')[0].replace(/:[^/:]+$/, '');
    if (image.split('/').pop() !== model.name) report(where, `image ${container.image} is not the ${model.name} image`);
    if (container.ports?.find((p) => p.name === 'http')?.containerPort !== model.port) {
      report(where, `containerPort http is not server.port ${model.port}`);
    }
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const probePath = container[probe]?.httpGet?.path;
      if (!model.paths.has(probePath)) report(where, `${probe} path ${probePath} is not exposed by the service`);
    }
    if (container.livenessProbe?.httpGet?.path !== '/actuator/health/liveness') {
      report(where, 'liveness must be the liveness group (independent of Kafka and Elasticsearch)');
    }
    const annotations = workload.spec.template.metadata.annotations ?? {};
    if (!model.paths.has(annotations['prometheus.io/path']) || Number(annotations['prometheus.io/port']) !== model.port) {
      report(where, 'prometheus.io annotations do not name the exposed metrics endpoint and port');
    }
    const variables = [...(container.env ?? []).map((e) => e.name)];
    for (const source of container.envFrom ?? []) {
      const map = configMap(source.configMapRef?.name);
      if (!map) { report(where, `envFrom ConfigMap ${source.configMapRef?.name} is not rendered`); continue; }
      variables.push(...Object.keys(map.data ?? {}));
    }
    for (const variable of variables) {
      if (!model.reads(variable)) report(where, `environment variable ${variable} is read by no property of ${model.name}`);
    }
    const oom = withoutOomExit(containerJavaToolOptions(container, configMap));
    if (oom) report(where, `JAVA_TOOL_OPTIONS: ${oom} (an out-of-memory error must end the JVM)`);
    // Shutdown: SIGTERM after preStop; Spring then runs its phases (web server, Kafka bindings) with a timeout each.
    if (!model.gracefulShutdown) report(where, 'server.shutdown is not graceful');
    const preStop = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (!(grace > preStop + 2 * model.shutdownPhaseSeconds)) {
      report(where, `terminationGracePeriodSeconds ${grace} <= preStop ${preStop} + 2 x ${model.shutdownPhaseSeconds} s`);
    }
    const security = container.securityContext ?? {};
    if (pod.securityContext?.runAsNonRoot !== true || security.readOnlyRootFilesystem !== true
        || security.allowPrivilegeEscalation !== false) {
      report(where, 'not non-root with a read-only root file system');
    }
    const mounts = (container.volumeMounts ?? []).map((m) => m.mountPath);
    if (!mounts.includes('/tmp')) report(where, 'no writable /tmp (Tomcat, temp files) under a read-only root');
    if (!container.resources?.requests?.memory || !container.resources?.limits?.memory) report(where, 'no memory request/limit');
    const labels = workload.spec.template.metadata.labels;
    const selects = (o) => Object.entries(o.spec.selector?.matchLabels ?? o.spec.selector ?? {})
      .every(([k, v]) => labels[k] === v);
    const service = byKind('Service').find(selects);
    if (!service || !service.spec.ports.some((p) => p.port === model.port)) report(where, 'no Service on server.port');
    if (!byKind('PodDisruptionBudget').some(selects)) report(where, 'no PodDisruptionBudget');
    // Scaling: a ScaledObject on this workload consumes a topic and group the service really consumes.
    const scaled = byKind('ScaledObject').find((s) => s.spec.scaleTargetRef.name === model.name
      && (s.spec.scaleTargetRef.kind ?? 'Deployment') === workload.kind);
    if (Object.keys(model.consumers).length > 0 && !scaled) report(where, 'consumes Kafka but has no ScaledObject');
    if (scaled) {
      for (const trigger of scaled.spec.triggers) {
        const m = trigger.metadata;
        const consumer = Object.values(model.consumers).find((c) => c.topic === m.topic && c.group === m.consumerGroup);
        if (!consumer) report(where, `KEDA trigger on ${m.topic}/${m.consumerGroup}, which the service does not consume`);
        const max = scaled.spec.maxReplicaCount;
        if (!(Number(partitions[m.topic]) >= max)) report(where, `maxReplicaCount ${max} > partitions of ${m.topic} (${partitions[m.topic]})`);
        if (!m.lagThreshold || !m.activationLagThreshold) report(where, 'lagThreshold and activationLagThreshold required');
        if (m.bootstrapServersFromEnv && !variables.includes(m.bootstrapServersFromEnv)) {
          report(where, `bootstrapServersFromEnv ${m.bootstrapServersFromEnv} is not in the container's environment`);
        }
      }
      if (scaled.spec.cooldownPeriod === undefined || !scaled.spec.fallback) report(where, 'cooldownPeriod and fallback required');
    }
  }
}

// ---------------------------------------------------------------- 5. an out-of-memory error ends the JVM
// Issue 8: an OutOfMemoryError in the parser once stopped its listener for good while the process stayed up and
// looked alive. With this flag the worst case is a restart; it must not go missing where a service is started.
const EXIT_ON_OOM = '-XX:+ExitOnOutOfMemoryError';

/** Why JVM options do not end the JVM on an out-of-memory error, or null; the last of -XX:+/- flags wins. */
export function withoutOomExit(options) {
  const flags = String(options ?? '').split(/\s+/).filter((o) => /^-XX:[+-]ExitOnOutOfMemoryError$/.test(o));
  if (flags.length === 0) return `no ${EXIT_ON_OOM} in "${options ?? ''}"`;
  return flags[flags.length - 1] === EXIT_ON_OOM ? null : `${flags[flags.length - 1]} in "${options}"`;
}

/** The image's JAVA_TOOL_OPTIONS (ENV in the Dockerfile), or undefined. */
export function imageJavaToolOptions(dockerfile) {
  return dockerfile.match(/^ENV\s+JAVA_TOOL_OPTIONS="([^"]*)"/m)?.[1];
}

/** The JVM arguments local-stack starts every service with (PipelineServices.JVM_ARGS), or undefined. */
export function localStackJvmArgs(source) {
  const list = source.match(/\bJVM_ARGS\s*=\s*List\.of\(([\s\S]*?)\);/)?.[1];
  return list && [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]*)"/g)].map((m) => m[1]).join(' ');
}

const dockerfileText = () => fs.readFileSync(path.join(deploy, 'docker/Dockerfile'), 'utf8');
const PIPELINE_SERVICES = 'local-stack/src/main/java/parkworld/pipeline/localstack/PipelineServices.java';

function checkOomExit() {
  const image = imageJavaToolOptions(dockerfileText());
  const inImage = withoutOomExit(image);
  if (inImage) fail('deploy/docker/Dockerfile', `ENV JAVA_TOOL_OPTIONS: ${inImage}`);
  const local = localStackJvmArgs(fs.readFileSync(path.join(root, PIPELINE_SERVICES), 'utf8'));
  if (local === undefined) fail(PIPELINE_SERVICES, 'JVM_ARGS = List.of(...) not found: where does local-stack set JVM flags now?');
  else if (withoutOomExit(local)) fail(PIPELINE_SERVICES, `JVM_ARGS: ${withoutOomExit(local)}`);
}

/** A container's effective JAVA_TOOL_OPTIONS: its own (env, then a ConfigMap it reads), else the image's. */
function containerJavaToolOptions(container, configMap) {
  const own = (container.env ?? []).find((e) => e.name === 'JAVA_TOOL_OPTIONS');
  if (own) return own.value;
  for (const source of container.envFrom ?? []) {
    const value = configMap(source.configMapRef?.name)?.data?.JAVA_TOOL_OPTIONS;
    if (value !== undefined) return value;
  }
  return imageJavaToolOptions(dockerfileText());
}

function selfTest(objects, models) {
  const mutations = {
    'a wrong container port': (o) => { workloadOf(o, 'indexer-service').ports[0].containerPort = 9999; },
    'a probe path the service does not expose': (o) => { workloadOf(o, 'parser-service').readinessProbe.httpGet.path = '/ready'; },
    'an environment variable no property reads': (o) => {
      o.find((x) => x.kind === 'ConfigMap' && x.metadata.name.startsWith('ingest-service')).data.PARKWORLD_INGEST_BLOBSTORE = 'x';
    },
    'more replicas than partitions': (o) => { o.find((x) => x.kind === 'ScaledObject').spec.maxReplicaCount = 99; },
    'JAVA_TOOL_OPTIONS without the out-of-memory exit': (o) => {
      workloadOf(o, 'parser-service').env = [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx256m' }];
    },
    'JAVA_TOOL_OPTIONS turning the out-of-memory exit off again': (o) => {
      workloadOf(o, 'parser-service').env = [{ name: 'JAVA_TOOL_OPTIONS', value: `${EXIT_ON_OOM} -XX:-ExitOnOutOfMemoryError` }];
    },
    'a grace period shorter than the shutdown': (o) => {
      o.find((x) => x.metadata?.name === 'indexer-service' && x.kind === 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 30;
    },
  };
  function workloadOf(o, name) {
    return o.find((x) => ['Deployment', 'StatefulSet'].includes(x.kind) && x.metadata.name === name)
      .spec.template.spec.containers[0];
  }
  const dockerfile = dockerfileText();
  const localStack = fs.readFileSync(path.join(root, PIPELINE_SERVICES), 'utf8');
  const textMutations = {
    'an image without the out-of-memory exit': withoutOomExit(imageJavaToolOptions(dockerfile.replace(EXIT_ON_OOM, ''))),
    'local-stack JVM arguments without it': withoutOomExit(localStackJvmArgs(localStack.replace(`"${EXIT_ON_OOM}"`, '"-Xss1m"'))),
    'local-stack JVM arguments with it only in a comment': withoutOomExit(localStackJvmArgs(
      localStack.replace(`"${EXIT_ON_OOM}"`, `"-Xss1m" // "${EXIT_ON_OOM}"`))),
  };
  for (const [what, problem] of Object.entries(textMutations)) {
    if (!problem) fail('self-test', `${what} was not caught`);
  }
  for (const [what, mutate] of Object.entries(mutations)) {
    const copy = structuredClone(objects);
    mutate(copy);
    const found = [];
    checkAgainstServices(copy, models, 'self-test', (w, m) => found.push(m));
    if (found.length === 0) fail('self-test', `${what} was not caught`);
  }
}

// ---------------------------------------------------------------- main
const models = SERVICES.map(serviceModel);
for (const model of models) {
  if (model.applicationName !== model.name) fail(model.name, `spring.application.name ${model.applicationName}`);
}
await checkDockerfile(models);
checkCompose(models);
checkOomExit();
const tsDir = fs.mkdtempSync(path.join(here, '.types-'));
const overlays = fs.readdirSync(path.join(deploy, 'k8s/overlays'));
let checked = 0;
for (const overlay of overlays) {
  const objects = render(path.join(deploy, 'k8s/overlays', overlay));
  checked += objects.length;
  await checkSchemas(objects, overlay, tsDir);
  checkAgainstServices(objects, models, `overlay ${overlay}`);
  selfTest(objects, models);
}
compileTypes(tsDir);
fs.rmSync(tsDir, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`[deploy-checks] ${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`[deploy-checks] Dockerfile, layers of ${models.length} jars, class data sharing (classes mapped: `
  + `${sharedShares.join(', ')}), compose, ${overlays.length} overlays `
  + `(${checked} objects: schemas, types, against the services' configuration): all good`);
