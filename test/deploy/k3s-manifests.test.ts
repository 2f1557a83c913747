// What can be checked of deploy/k3s/ without a cluster: the manifests parse, name only
// the images, ports, Secret and files the project has (gateway/Containerfile, the compose
// files), probe /healthz, set limits, and the NetworkPolicy's selectors match the pods.
// Not run here: a real K3s (no cluster, no registry), so scheduling, the local-path
// volume, kube-router enforcing the policy and the probes' timing are untested.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parse } from "yaml";
import { readContainerfile, REPO_ROOT } from "./containerfile";

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec?: any; stringData?: Record<string, string> };
type Container = { name: string; image: string; ports?: Array<{ name: string; containerPort: number }>; env?: Array<{ name: string; value: string }>; volumeMounts?: Array<{ name: string; mountPath: string }>; resources?: any; securityContext?: any; readinessProbe?: any; livenessProbe?: any; startupProbe?: any };

const K3S_DIR = path.join(REPO_ROOT, "deploy/k3s");
/** Created apart from `kubectl apply -k` (docs/k3s.md), so an apply never restores its placeholder. */
const SECRET_FILE = "gateway-tokens.secret.yaml";
const kustomization = parse(fs.readFileSync(path.join(K3S_DIR, "kustomization.yaml"), "utf8")) as { resources: string[] };
const files = fs.readdirSync(K3S_DIR).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort();
const manifests: Manifest[] = files.flatMap((file) =>
  parseAllDocuments(fs.readFileSync(path.join(K3S_DIR, file), "utf8")).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    return doc.toJS() as Manifest;
  }),
);
const containerfile = readContainerfile();
const compose = parse(fs.readFileSync(path.join(REPO_ROOT, "deploy/compose.pi.yml"), "utf8"));

const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const named = (kind: string, name: string) => {
  const found = ofKind(kind).find((m) => m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found;
};
const podSpec = (name: string) => named("Deployment", name).spec.template.spec;
const containersOf = (name: string): Container[] => [...podSpec(name).containers, ...(podSpec(name).initContainers ?? [])];
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
const probesOf = (c: Container) => [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean);

describe("deploy/k3s manifests", () => {
  it("parse, kustomization.yaml lists every manifest but the tokens Secret, and every object sits in the one namespace", () => {
    expect([...kustomization.resources, SECRET_FILE].sort()).toEqual(files);
    const namespace = named("Namespace", "embed").metadata.name;
    for (const m of manifests.filter((x) => x.kind !== "Namespace")) expect(m.metadata.namespace, `${m.kind}/${m.metadata.name}`).toBe(namespace);
  });

  it("name only the gateway image the compose files build from gateway/Containerfile and the Ollama image they run", () => {
    expect(compose.services.gateway.build.dockerfile).toBe("gateway/Containerfile");
    const known = new Set([compose.services.gateway.image, compose.services.ollama.image]);
    for (const d of ofKind("Deployment")) for (const c of containersOf(d.metadata.name)) expect(known, `${d.metadata.name}/${c.name}`).toContain(c.image);
    expect(containersOf("embed-gateway").every((c) => c.image === compose.services.gateway.image)).toBe(true);
  });

  it("give the gateway the Containerfile's port and tokens path, and the Ollama URL of the ollama Service", () => {
    const [gateway] = podSpec("embed-gateway").containers as Container[];
    expect(gateway!.ports!.map((p) => p.containerPort)).toEqual([containerfile.exposedPort]);
    const env = Object.fromEntries(gateway!.env!.map((e) => [e.name, e.value]));
    expect(env.GATEWAY_TOKENS_FILE).toBe(containerfile.env.GATEWAY_TOKENS_FILE);
    const ollamaService = named("Service", "ollama");
    expect(env.OLLAMA_URL).toBe(`http://${ollamaService.metadata.name}:${ollamaService.spec.ports[0].port}`);
    const mount = gateway!.volumeMounts!.find((m) => env.GATEWAY_TOKENS_FILE!.startsWith(`${m.mountPath}/`));
    expect(mount, "a volume holds GATEWAY_TOKENS_FILE").toBeDefined();
  });

  it("read the tokens from the gateway-tokens Secret, under the key the init container copies to GATEWAY_TOKENS_FILE", () => {
    const spec = podSpec("embed-gateway");
    const secretVolume = spec.volumes.find((v: any) => v.secret);
    const secret = named("Secret", secretVolume.secret.secretName);
    const [init] = spec.initContainers as Container[];
    const source = init!.volumeMounts!.find((m) => m.name === secretVolume.name)!.mountPath;
    const key = Object.keys(secret.stringData!)[0]!;
    expect((init as any).command).toEqual(["install", "-m", "600", `${source}/${key}`, containerfile.env.GATEWAY_TOKENS_FILE]);
    // The Secret is mounted in the init container only; the gateway sees the mode-600 copy.
    expect(spec.containers.flatMap((c: Container) => c.volumeMounts ?? []).map((m: { name: string }) => m.name)).not.toContain(secretVolume.name);
  });

  it("point every HTTP probe of the gateway at /healthz on its named port, and every container's named ports exist", () => {
    for (const name of ["embed-gateway", "ollama"]) {
      for (const c of podSpec(name).containers as Container[]) {
        const portNames = (c.ports ?? []).map((p) => p.name);
        for (const probe of probesOf(c)) expect(portNames).toContain((probe.httpGet ?? probe.tcpSocket).port);
      }
    }
    const [gateway] = podSpec("embed-gateway").containers as Container[];
    const httpProbes = probesOf(gateway!).filter((p) => p.httpGet);
    expect(httpProbes.length).toBeGreaterThan(0);
    for (const probe of httpProbes) expect(probe.httpGet.path).toBe("/healthz");
    expect(gateway!.readinessProbe.httpGet.path).toBe("/healthz");
  });

  it("set resource limits on every container, and run the gateway as uid 1000 with a read-only root", () => {
    for (const d of ofKind("Deployment")) for (const c of containersOf(d.metadata.name)) expect(c.resources?.limits?.memory, `${d.metadata.name}/${c.name}`).toBeDefined();
    const spec = podSpec("embed-gateway");
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(containerfile.user).toBe("node");
    for (const c of containersOf("embed-gateway")) expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  });

  it("route each Service to its Deployment's pods and a named container port", () => {
    for (const service of ofKind("Service")) {
      const deployment = ofKind("Deployment").find((d) => matches(service.spec.selector, d.spec.template.metadata.labels));
      expect(deployment, `Service ${service.metadata.name} selects a Deployment`).toBeDefined();
      expect(matches(deployment!.spec.selector.matchLabels, deployment!.spec.template.metadata.labels)).toBe(true);
      const portNames = (deployment!.spec.template.spec.containers as Container[]).flatMap((c) => (c.ports ?? []).map((p) => p.name));
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    }
  });

  it("let only the gateway's pods reach Ollama, on Ollama's port", () => {
    const [policy] = ofKind("NetworkPolicy");
    const labelsOf = (name: string) => named("Deployment", name).spec.template.metadata.labels;
    expect(matches(policy!.spec.podSelector.matchLabels, labelsOf("ollama"))).toBe(true);
    expect(matches(policy!.spec.podSelector.matchLabels, labelsOf("embed-gateway"))).toBe(false);
    expect(policy!.spec.policyTypes).toEqual(["Ingress"]);
    const sources = policy!.spec.ingress.flatMap((rule: any) => rule.from);
    expect(sources).toHaveLength(1);
    expect(Object.keys(sources[0])).toEqual(["podSelector"]); // no namespaceSelector or ipBlock widening it
    expect(matches(sources[0].podSelector.matchLabels, labelsOf("embed-gateway"))).toBe(true);
    expect(matches(sources[0].podSelector.matchLabels, labelsOf("ollama"))).toBe(false);
    const ollamaPort = (podSpec("ollama").containers as Container[])[0]!.ports![0]!.containerPort;
    expect(policy!.spec.ingress.flatMap((rule: any) => rule.ports.map((p: any) => p.port))).toEqual([ollamaPort]);
  });
});
