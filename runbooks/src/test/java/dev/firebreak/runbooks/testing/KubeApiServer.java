package dev.firebreak.runbooks.testing;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Kubernetes API server for tests: etcd plus kube-apiserver 1.20.2 (built by {@code .ci/kube-apiserver}) on free
 * ports, an admin token, and a fabric8 client (JDK HTTP client) for it. Optionally:
 * <ul>
 *   <li>the deployment, replicaset, namespace and garbage-collector controllers ({@link Builder#withControllerManager()}),
 *       so Deployments create ReplicaSets and Pods, and a rollout restart rolls a new ReplicaSet;</li>
 *   <li>a fake kubelet ({@link Builder#withFakeKubelet()}): a Node whose kubelet endpoint is a local HTTPS server that
 *       answers {@code pods/log} with text the test sets ({@link FakeKubelet#putLog}).</li>
 * </ul>
 * There is no scheduler and no real kubelet: pods stay Pending unless {@link #schedule} binds them to the fake node,
 * and {@link #completeRollout} plays the kubelet's part for a Deployment.
 *
 * <p>Start once per test class ({@code @BeforeAll}; about 4 s) and {@link #close()} it in {@code @AfterAll}. Missing
 * binaries fail the test under {@code CI=true} and skip it elsewhere (see {@link TestBinaries}).
 */
public final class KubeApiServer implements AutoCloseable {

    public static final String NODE_NAME = "firebreak-test-node";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final String token = "firebreak-test-" + UUID.randomUUID();
    private String url;
    private KubernetesClient client;
    private FakeKubelet kubelet;
    private boolean controllerManager;
    private HttpClient readinessClient;

    private KubeApiServer(Path dir) {
        this.dir = dir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** etcd and the API server only. */
    public static KubeApiServer start() {
        return builder().start();
    }

    /** Options for {@link KubeApiServer}. */
    public static final class Builder {
        private boolean controllerManager;
        private boolean fakeKubelet;

        private Builder() {}

        public Builder withControllerManager() {
            this.controllerManager = true;
            return this;
        }

        public Builder withFakeKubelet() {
            this.fakeKubelet = true;
            return this;
        }

        /**
         * Starts the servers. The ports are picked free just before each server binds them; on a busy machine another
         * process (or one of these servers' own outgoing connections) can take one in between, so a start that fails
         * with "address already in use" is tried again with new ports.
         */
        public KubeApiServer start() {
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce();
                } catch (IllegalStateException e) {
                    if (attempt >= 3 || !String.valueOf(e.getMessage()).contains("address already in use")) {
                        throw e;
                    }
                }
            }
        }

        private KubeApiServer startOnce() {
            Path etcd = TestBinaries.kubernetes("etcd");
            Path apiserver = TestBinaries.kubernetes("kube-apiserver");
            Path controllers = controllerManager ? TestBinaries.kubernetes("kube-controller-manager") : null;
            KubeApiServer server = new KubeApiServer(ManagedProcess.tempDir("firebreak-kube-"));
            try {
                server.startEtcdAndApiServer(etcd, apiserver);
                if (controllers != null) {
                    server.startControllerManager(controllers);
                }
                if (fakeKubelet) {
                    server.startFakeKubelet();
                }
                return server;
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
        }
    }

    /** https://127.0.0.1:PORT */
    public String url() {
        return url;
    }

    /** A bearer token of a {@code system:masters} user. */
    public String adminToken() {
        return token;
    }

    /** The API server's serving certificate and its CA (PEM), e.g. for {@code firebreak.kubernetes.ca-file}. */
    public Path caFile() {
        return dir.resolve("certs").resolve("apiserver.crt");
    }

    /** A kubeconfig file (for kubectl, helm, or a client under test) with the admin token. */
    public Path kubeconfig() {
        return dir.resolve("kubeconfig");
    }

    /** A fabric8 client with admin rights, shared; closed with the server. */
    public KubernetesClient client() {
        return client;
    }

    /** A fresh fabric8 configuration for this server (for code under test that builds its own client). */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withOauthToken(token)
                .withCaCertFile(caFile().toString())
                .withNamespace("default")
                .withRequestTimeout(30_000)
                .build();
    }

    public FakeKubelet kubelet() {
        if (kubelet == null) {
            throw new IllegalStateException("started without withFakeKubelet()");
        }
        return kubelet;
    }

    /** Binds a pod to the fake node, as the scheduler would (then its logs come from {@link #kubelet()}). */
    public void schedule(String namespace, String pod) {
        kubelet();
        client.bindings()
                .inNamespace(namespace)
                .resource(new BindingBuilder()
                        .withNewMetadata()
                        .withName(pod)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withNewTarget()
                        .withKind("Node")
                        .withApiVersion("v1")
                        .withName(NODE_NAME)
                        .endTarget()
                        .build())
                .create();
    }

    /**
     * Makes the current rollout of a Deployment complete, doing what the scheduler and kubelet would do. With the
     * controller manager: binds pending pods to the fake node (when there is one), reports every pod of the Deployment
     * Running and Ready, removes terminating pods, until the Deployment controller reports the rollout complete. Without
     * it: writes a complete status on the Deployment's {@code /status}.
     */
    public Deployment completeRollout(String namespace, String name) {
        if (!controllerManager) {
            return client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(name)
                    .editStatus(d -> {
                        int replicas = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
                        DeploymentStatus status = new DeploymentStatus();
                        status.setObservedGeneration(d.getMetadata().getGeneration());
                        status.setReplicas(replicas);
                        status.setUpdatedReplicas(replicas);
                        status.setReadyReplicas(replicas);
                        status.setAvailableReplicas(replicas);
                        status.setConditions(List.of(
                                deploymentCondition(
                                        "Available",
                                        "MinimumReplicasAvailable",
                                        "Deployment has minimum availability."),
                                deploymentCondition(
                                        "Progressing",
                                        "NewReplicaSetAvailable",
                                        "ReplicaSet has successfully progressed.")));
                        d.setStatus(status);
                        return d;
                    });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(name)
                    .require();
            if (rolloutComplete(deployment)) {
                return deployment;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "rollout of " + namespace + "/" + name + " not complete: " + deployment.getStatus());
            }
            for (Pod pod : client.pods()
                    .inNamespace(namespace)
                    .withLabels(deployment.getSpec().getSelector().getMatchLabels())
                    .list()
                    .getItems()) {
                actAsKubelet(pod);
            }
            sleep(100);
        }
    }

    /** What {@code kubectl rollout status} waits for. */
    public static boolean rolloutComplete(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        if (status == null
                || status.getObservedGeneration() == null
                || status.getObservedGeneration() < deployment.getMetadata().getGeneration()) {
            return false;
        }
        int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        return Objects.equals(status.getUpdatedReplicas(), replicas)
                && Objects.equals(status.getReplicas(), replicas)
                && Objects.equals(status.getAvailableReplicas(), replicas);
    }

    private void actAsKubelet(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        try {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                client.pods()
                        .inNamespace(namespace)
                        .withName(name)
                        .withGracePeriod(0)
                        .delete();
                return;
            }
            if (kubelet != null && pod.getSpec().getNodeName() == null) {
                schedule(namespace, name);
            }
            boolean ready = pod.getStatus() != null
                    && pod.getStatus().getConditions() != null
                    && pod.getStatus().getConditions().stream()
                            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            if (!ready) {
                client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
                    String now = Instant.now().toString();
                    p.getStatus().setPhase("Running");
                    p.getStatus().setStartTime(now);
                    p.getStatus().setPodIP("127.0.0.1");
                    List<PodCondition> conditions = new ArrayList<>();
                    for (String type : List.of("Initialized", "PodScheduled", "ContainersReady", "Ready")) {
                        conditions.add(new PodConditionBuilder()
                                .withType(type)
                                .withStatus("True")
                                .withLastTransitionTime(now)
                                .build());
                    }
                    p.getStatus().setConditions(conditions);
                    return p;
                });
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 && e.getCode() != 409) {
                throw e;
            }
            // the pod went away or changed under us: the next round sees the new state
        }
    }

    private static DeploymentCondition deploymentCondition(String type, String reason, String message) {
        String now = Instant.now().toString();
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus("True")
                .withReason(reason)
                .withMessage(message)
                .withLastUpdateTime(now)
                .withLastTransitionTime(now)
                .build();
    }

    private void startEtcdAndApiServer(Path etcdBinary, Path apiserverBinary) {
        int etcdClient = ManagedProcess.freePort();
        int etcdPeer = ManagedProcess.freePort();
        int securePort = ManagedProcess.freePort();
        String etcdUrl = "http://127.0.0.1:" + etcdClient;
        String peerUrl = "http://127.0.0.1:" + etcdPeer;
        ManagedProcess etcd = ManagedProcess.start(
                "etcd",
                dir,
                List.of(
                        etcdBinary.toString(),
                        "--name",
                        "test",
                        "--data-dir",
                        dir.resolve("etcd").toString(),
                        "--listen-client-urls",
                        etcdUrl,
                        "--advertise-client-urls",
                        etcdUrl,
                        "--listen-peer-urls",
                        peerUrl,
                        "--initial-advertise-peer-urls",
                        peerUrl,
                        "--initial-cluster",
                        "test=" + peerUrl,
                        "--unsafe-no-fsync"));
        resources.add(etcd);

        writeServiceAccountKeys();
        write(dir.resolve("tokens.csv"), token + ",admin,admin,system:masters\n");
        url = "https://127.0.0.1:" + securePort;
        ManagedProcess apiserver = ManagedProcess.start(
                "kube-apiserver",
                dir,
                List.of(
                        apiserverBinary.toString(),
                        "--etcd-servers=" + etcdUrl,
                        "--bind-address=127.0.0.1",
                        "--advertise-address=127.0.0.1",
                        "--secure-port=" + securePort,
                        "--cert-dir=" + dir.resolve("certs"),
                        "--token-auth-file=" + dir.resolve("tokens.csv"),
                        "--authorization-mode=RBAC",
                        "--service-account-key-file=" + dir.resolve("sa.pub"),
                        "--service-account-signing-key-file=" + dir.resolve("sa.key"),
                        "--service-account-issuer=https://kubernetes.default.svc",
                        "--service-cluster-ip-range=10.0.0.0/24",
                        "--enable-priority-and-fairness=false",
                        "--disable-admission-plugins=ServiceAccount"));
        resources.add(apiserver);
        apiserver.awaitReady(START_TIMEOUT, () -> Files.exists(caFile()) && ready(url + "/readyz"));
        writeKubeconfig();
        client = new KubernetesClientBuilder().withConfig(clientConfig()).build();
        resources.add(client::close);
        // The bootstrap controller creates the default namespace shortly after /readyz.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.namespaces().withName("default").get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("namespace default never appeared:\n" + apiserver.logTail());
            }
            sleep(100);
        }
    }

    private void startControllerManager(Path binary) {
        ManagedProcess controllers = ManagedProcess.start(
                "kube-controller-manager",
                dir,
                List.of(
                        binary.toString(),
                        "--master=" + url,
                        "--kubeconfig=" + kubeconfig(),
                        "--controllers=deployment,replicaset,namespace,garbagecollector",
                        "--leader-elect=false",
                        "--port=0",
                        "--secure-port=0"));
        resources.add(controllers);
        controllerManager = true;
        // Ready when its informers have synced; an alive process after the first round of leases is enough here.
        sleep(200);
        if (!controllers.isAlive()) {
            throw new IllegalStateException("kube-controller-manager exited:\n" + controllers.logTail());
        }
    }

    private void startFakeKubelet() {
        kubelet = new FakeKubelet(dir);
        resources.add(kubelet);
        client.nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName(NODE_NAME)
                        .addToLabels("kubernetes.io/hostname", NODE_NAME)
                        .endMetadata()
                        .withNewStatus()
                        // only an InternalIP: the API server would try a Hostname address first, and that name does not
                        // resolve
                        .addNewAddress()
                        .withType("InternalIP")
                        .withAddress("127.0.0.1")
                        .endAddress()
                        .addNewCondition()
                        .withType("Ready")
                        .withStatus("True")
                        .withReason("KubeletReady")
                        .endCondition()
                        .withNewDaemonEndpoints()
                        .withNewKubeletEndpoint()
                        .withPort(kubelet.port())
                        .endKubeletEndpoint()
                        .endDaemonEndpoints()
                        .endStatus()
                        .build())
                .create();
    }

    private boolean ready(String endpoint) {
        try {
            if (readinessClient == null) {
                readinessClient = HttpClient.newBuilder()
                        .sslContext(trustingApiServer())
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
            }
            HttpResponse<String> response = readinessClient.send(
                    HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private SSLContext trustingApiServer() {
        try (InputStream in = Files.newInputStream(caFile())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("apiserver-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeServiceAccountKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(dir.resolve("sa.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(dir.resolve("sa.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeKubeconfig() {
        write(kubeconfig(), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: admin
          user:
            token: %s
        contexts:
        - name: test
          context:
            cluster: test
            user: admin
            namespace: default
        current-context: test
        """.formatted(url, caFile(), token));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops every process (controller manager, API server, etcd), the fake kubelet, and deletes the temp folder. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
        resources.clear();
        ManagedProcess.deleteTree(dir);
    }
}
