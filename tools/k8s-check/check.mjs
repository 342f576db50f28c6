// Checks of the suite's Kubernetes manifests, run by ./contact-center test (k8s_checks):
//   node check.mjs --generated <dir with <svc>-service/target/kubernetes> <rendered.yaml>...
// 1. every object validates against the Kubernetes OpenAPI schema (kubernetes-models, Kubernetes 1.34);
//    Strimzi custom resources are checked for the fields the operator requires;
// 2. every Deployment has startup/readiness/liveness probes, requests and limits, runs non-root with a read-only
//    root filesystem, no privilege escalation and no capabilities, and has a Service and a PDB selecting its pods;
// 3. the chart's containers match what the build generates (quarkus-kubernetes): port, probes, env, envFrom,
//    mounts, resources and pod security context, so the two cannot drift apart.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
let generatedRoot = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--generated") generatedRoot = args[++i];
  else files.push(args[i]);
}
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

function load(file) {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((d) => {
      if (d.errors.length) fail(file, `YAML: ${d.errors[0].message}`);
      return d.toJS();
    })
    .filter((o) => o && typeof o === "object");
}

const groupModule = (apiVersion) => {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return { path: group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`, group, version };
};

const strimziRequired = {
  Kafka: ["spec.kafka.listeners", "spec.kafka.version"],
  KafkaNodePool: ["spec.replicas", "spec.roles", "spec.storage", "metadata.labels.strimzi\\.io/cluster"],
  KafkaTopic: ["spec.partitions", "spec.replicas", "spec.topicName", "metadata.labels.strimzi\\.io/cluster"],
};

function at(obj, path) {
  return path.split(/(?<!\\)\./).reduce((o, k) => (o == null ? undefined : o[k.replace(/\\\./g, ".")]), obj);
}

async function validateSchema(file, obj) {
  const where = `${file} ${obj.kind}/${obj.metadata?.name}`;
  if (!obj.apiVersion || !obj.kind) return fail(where, "apiVersion and kind are required");
  if (obj.apiVersion.startsWith("kafka.strimzi.io/")) {
    for (const path of strimziRequired[obj.kind] ?? ["spec"]) {
      if (at(obj, path) === undefined) fail(where, `missing ${path.replace(/\\/g, "")}`);
    }
    return;
  }
  const { path } = groupModule(obj.apiVersion);
  let mod;
  try {
    mod = await import(path);
  } catch {
    return fail(where, `unknown apiVersion ${obj.apiVersion} in Kubernetes 1.34`);
  }
  const Model = mod[obj.kind];
  if (!Model) return fail(where, `unknown kind ${obj.kind} in ${obj.apiVersion}`);
  try {
    new Model(obj).validate();
  } catch (e) {
    fail(where, `schema: ${e.message.split("\n").slice(0, 6).join(" ")}`);
  }
}

const selects = (selector, labels) =>
  selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function checkDeployments(file, objects) {
  for (const d of objects.filter((o) => o.kind === "Deployment")) {
    const where = `${file} Deployment/${d.metadata.name}`;
    const pod = d.spec.template.spec;
    const labels = d.spec.template.metadata.labels;
    if (!pod.securityContext?.runAsNonRoot) fail(where, "pod securityContext.runAsNonRoot must be true");
    // a credential read from a file must come from a mounted Secret (which the platform can rotate), nowhere else
    for (const c of pod.containers ?? []) {
      for (const e of (c.env ?? []).filter((v) => v.name.endsWith("_TOKEN_FILE"))) {
        const mount = (c.volumeMounts ?? []).find((m) => e.value?.startsWith(m.mountPath + "/"));
        const volume = mount && (pod.volumes ?? []).find((v) => v.name === mount.name);
        if (!volume?.secret?.secretName) fail(where, `${c.name}: ${e.name} is not a file of a mounted Secret`);
      }
    }
    for (const c of pod.containers) {
      for (const p of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[p]?.httpGet?.path?.startsWith("/q/health")) fail(where, `${c.name} needs a ${p} on /q/health`);
      }
      for (const r of ["cpu", "memory"]) {
        if (!c.resources?.requests?.[r]) fail(where, `${c.name} needs resources.requests.${r}`);
        if (!c.resources?.limits?.[r]) fail(where, `${c.name} needs resources.limits.${r}`);
      }
      const sc = c.securityContext ?? {};
      if (sc.readOnlyRootFilesystem !== true) fail(where, `${c.name} needs securityContext.readOnlyRootFilesystem: true`);
      if (sc.allowPrivilegeEscalation !== false) fail(where, `${c.name} needs securityContext.allowPrivilegeEscalation: false`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) fail(where, `${c.name} must drop ALL capabilities`);
      if (sc.capabilities?.add?.length) fail(where, `${c.name} must not add capabilities`);
      if (sc.runAsUser === 0) fail(where, `${c.name} must not run as root`);
    }
    if (!objects.some((s) => s.kind === "Service" && selects(s.spec.selector, labels))) fail(where, "no Service selects its pods");
    if (!objects.some((p) => p.kind === "PodDisruptionBudget" && selects(p.spec.selector?.matchLabels, labels))) {
      fail(where, "no PodDisruptionBudget selects its pods");
    }
    if (!selects(d.spec.selector.matchLabels, labels)) fail(where, "selector does not match its pod labels");
  }
}

// An egress rule with ports and no destinations lets a pod reach any address on those ports.
function checkNetworkPolicies(file, objects) {
  for (const np of objects.filter((o) => o.kind === "NetworkPolicy")) {
    const where = `${file} NetworkPolicy/${np.metadata.name}`;
    (np.spec.egress ?? []).forEach((rule, i) => {
      if (!rule.to?.length) fail(where, `egress rule ${i} has no destinations (to)`);
    });
    (np.spec.ingress ?? []).forEach((rule, i) => {
      if (!rule.from?.length) fail(where, `ingress rule ${i} has no sources (from)`);
    });
  }
}

// DESIGN's topic map: who may write each event topic. The platform topics (relay positions, dead letters) every service.
const PRODUCERS = {
  "cc.contacts": ["ivr", "routing", "callback"],
  "cc.routing.commands": ["ivr", "callback", "crm", "messaging"],
  "cc.agents": ["routing"],
  "cc.callbacks": ["callback"],
  "cc.crm": ["crm"],
  "cc.ivr": ["ivr"],
  "cc.voice": ["voice-gateway"],
  "cc.messaging": ["messaging"],
};

// A Strimzi cluster the chart renders: TLS and authenticated listeners only, ACLs on, and no service allowed to
// write a topic DESIGN does not name it a producer of.
function checkKafka(file, objects) {
  for (const k of objects.filter((o) => o.kind === "Kafka")) {
    const where = `${file} Kafka/${k.metadata.name}`;
    for (const l of k.spec.kafka.listeners ?? []) {
      if (l.tls !== true) fail(where, `listener ${l.name} is not TLS`);
      if (!l.authentication?.type) fail(where, `listener ${l.name} lets clients in without authentication`);
    }
    if (k.spec.kafka.authorization?.type !== "simple") fail(where, "no authorization: any authenticated client may write any topic");
  }
  for (const u of objects.filter((o) => o.kind === "KafkaUser")) {
    const where = `${file} KafkaUser/${u.metadata.name}`;
    const service = u.metadata.name.replace(/-service$/, "");
    for (const acl of u.spec.authorization?.acls ?? []) {
      if (acl.resource.type !== "topic" || !acl.operations.some((op) => ["Write", "All"].includes(op))) continue;
      if (acl.resource.patternType !== "literal") fail(where, `writes topics by pattern ${acl.resource.name}`);
      const allowed = PRODUCERS[acl.resource.name];
      if (allowed && !allowed.includes(service)) fail(where, `may write ${acl.resource.name}, which DESIGN gives to ${allowed}`);
    }
  }
}

// What must agree between the chart and the build's manifests, as plain comparable values.
function essentials(deployment) {
  const pod = deployment.spec.template.spec;
  const c = pod.containers[0];
  const probe = (p) => p && { path: p.httpGet.path, port: p.httpGet.port, initialDelaySeconds: p.initialDelaySeconds,
    periodSeconds: p.periodSeconds, timeoutSeconds: p.timeoutSeconds, failureThreshold: p.failureThreshold };
  const sort = (list, key) => [...(list ?? [])].sort((a, b) => canonical(a[key] ?? a).localeCompare(canonical(b[key] ?? b)));
  const ann = deployment.spec.template.metadata.annotations ?? {};
  return {
    // a set: the build lists a container's ports in no fixed order (voice-gateway's came 5070, 8080 and 8080, 5070)
    port: c.ports?.map((p) => p.containerPort).sort((a, b) => a - b),
    startupProbe: probe(c.startupProbe),
    readinessProbe: probe(c.readinessProbe),
    livenessProbe: probe(c.livenessProbe),
    env: sort(c.env, "name"),
    envFrom: sort(c.envFrom),
    volumeMounts: sort(c.volumeMounts, "name"),
    resources: c.resources,
    podSecurityContext: { runAsNonRoot: pod.securityContext?.runAsNonRoot, runAsUser: pod.securityContext?.runAsUser,
      runAsGroup: pod.securityContext?.runAsGroup, fsGroup: pod.securityContext?.fsGroup },
    volumes: sort(pod.volumes, "name"),
    serviceAccountName: pod.serviceAccountName,
    prometheus: Object.fromEntries(Object.entries(ann).filter(([k]) => k.startsWith("prometheus.io/"))),
  };
}

// JSON with object keys sorted, so the order a generator writes keys in does not count as a difference
const canonical = (v) => JSON.stringify(v, (k, x) =>
  x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x);

function diff(a, b, path = "") {
  if (canonical(a) === canonical(b)) return [];
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => diff(a[k], b[k], `${path}.${k}`));
  }
  return [`${path.slice(1)}: chart ${canonical(a)} vs build ${canonical(b)}`];
}

function checkAgainstGenerated(file, objects) {
  for (const d of objects.filter((o) => o.kind === "Deployment")) {
    const generatedFile = join(generatedRoot, d.metadata.name, "target/kubernetes/kubernetes.yml");
    if (!existsSync(generatedFile)) {
      fail(`${file} Deployment/${d.metadata.name}`, `no generated manifest ${generatedFile} (build the service first)`);
      continue;
    }
    const generated = load(generatedFile).find((o) => o.kind === "Deployment");
    for (const line of diff(essentials(d), essentials(generated))) {
      fail(`${file} Deployment/${d.metadata.name}`, `differs from the build's manifest: ${line}`);
    }
  }
}

const defaultRender = files[0];
for (const file of files) {
  const objects = load(file);
  if (objects.length === 0) fail(file, "no objects rendered");
  for (const o of objects) await validateSchema(file, o);
  checkDeployments(file, objects);
  checkNetworkPolicies(file, objects);
  checkKafka(file, objects);
  // only the default values promise the build's resources; production values size pods for their load
  if (generatedRoot && file === defaultRender) checkAgainstGenerated(file, objects);
  console.log(`${file}: ${objects.length} objects checked`);
}
if (generatedRoot) {
  for (const module of ["routing-service", "ivr-service", "callback-service", "crm-service", "reporting-service", "voice-gateway", "web-console", "messaging-service"]) {
    const generatedFile = join(generatedRoot, module, "target/kubernetes/kubernetes.yml");
    if (existsSync(generatedFile)) {
      for (const o of load(generatedFile)) await validateSchema(generatedFile, o);
    }
  }
}
if (problems.length) {
  console.error(`${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("kubernetes manifests: all checks passed");
