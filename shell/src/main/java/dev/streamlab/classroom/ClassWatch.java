package dev.streamlab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.streamlab.cluster.Await;
import dev.streamlab.cluster.ClusterException;
import dev.streamlab.cluster.ScratchDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code class watch}: the Kafka Streams application that folds the class topic ({@link ProgressFold}), and the page
 * that shows it, served by the JDK's HTTP server: {@code /} the page (no remote asset), {@code /events} server-sent
 * events with the whole view as JSON after every change and every second (the time on a step grows), {@code /view.json}
 * and {@code /class.csv}. Each watch is its own application (a fresh id), so it never takes partitions from another
 * instructor's watch; it reads from now on, or the whole topic with {@code fromBeginning}.
 */
public final class ClassWatch implements AutoCloseable {

    /** Partitions of the class topic: learners' events spread over them, each learner's in order in one. */
    public static final int PARTITIONS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final ProgressFold fold;
    private final ScratchDirectory stateDir;
    private final Clock clock;
    private final ClassView.StuckRule rule;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService pusher;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final List<Consumer<ClassView>> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastJson = "";
    private String base = "/";

    private record Subscriber(OutputStream out, CountDownLatch done) {}

    /**
     * Where the page is served. On 127.0.0.1 it is the instructor's own; on any other address the room may reach it,
     * so its address carries a random secret ({@code http://HOST:PORT/SECRET/}) and every other path is refused.
     */
    public record Page(java.net.InetAddress address, int port, String secret) {

        /** This machine only, no secret: the default. */
        public static Page loopback(int port) {
            return new Page(java.net.InetAddress.getLoopbackAddress(), port, null);
        }

        /** On {@code address}; a secret unless it is the default, 127.0.0.1 (any other may be reached by others). */
        public static Page on(java.net.InetAddress address, int port) {
            return new Page(
                    address,
                    port,
                    address.equals(java.net.InetAddress.getLoopbackAddress())
                            ? null
                            : dev.streamlab.cluster.ClusterSecurity.password(32));
        }

        String base() {
            return secret == null ? "/" : "/" + secret + "/";
        }
    }

    private ClassWatch(
            Map<String, Object> clientConfig,
            ProgressFold.Source source,
            boolean fromBeginning,
            Page page,
            ClassView.StuckRule rule,
            Clock clock) {
        this.clock = clock;
        this.rule = rule;
        this.fold = new ProgressFold(source, learner -> dirty.set(true));
        this.stateDir = ScratchDirectory.create("class-watch");
        HttpServer http = null;
        ExecutorService threads = null;
        KafkaStreams app = null;
        try {
            threads = Executors.newCachedThreadPool(daemon("class-watch-http"));
            http = HttpServer.create(new InetSocketAddress(page.address(), page.port()), 0);
            http.setExecutor(threads);
            String base = page.base();
            this.base = base;
            if (!base.equals("/")) {
                http.createContext(
                        "/",
                        ex -> send(
                                ex,
                                404,
                                "text/plain; charset=utf-8",
                                "Not here: the class view's address has a secret in it; the instructor has it."));
            }
            http.createContext(base, this::page);
            http.createContext(base + "events", this::events);
            http.createContext(base + "view.json", ex -> send(ex, 200, "application/json", json(view())));
            http.createContext(
                    base + "class.csv", ex -> send(ex, 200, "text/csv; charset=utf-8", ClassTable.csv(view())));
            Properties props = new Properties();
            props.putAll(clientConfig);
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streamlab-class-watch-" + UUID.randomUUID());
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.path().toString());
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
            props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), fromBeginning ? "earliest" : "latest");
            // A learner added to the class later has a new progress topic: the pattern finds it within seconds.
            props.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"), 5_000);
            // Each event reaches the store as soon as it is polled.
            props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
            // What Kafka 5.0 will do by default; set, Streams does not warn about it at every start.
            props.put("processing.exception.handler.global.enabled", true);
            app = new KafkaStreams(fold.topology(), props);
            app.start();
            http.start();
        } catch (IOException | RuntimeException e) {
            if (app != null) {
                app.close(Duration.ofSeconds(10));
            }
            if (http != null) {
                http.stop(0);
            }
            if (threads != null) {
                threads.shutdownNow();
            }
            stateDir.delete();
            if (e instanceof BindException) {
                throw new ClusterException(
                        "Cannot open port " + page.port() + " on "
                                + page.address().getHostAddress()
                                + " for the class page: it is in use. Choose another with --port N (0 picks a free one).",
                        e);
            }
            if (e instanceof IOException io) {
                throw new ClusterException(
                        "Cannot serve the class page on port " + page.port() + ": " + io.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
        this.server = http;
        this.httpThreads = threads;
        this.streams = app;
        this.pusher = Executors.newSingleThreadScheduledExecutor(daemon("class-watch-push"));
        // Changes go out within 50 ms; every second anyway, for the clocks on the page.
        long[] lastFull = {0};
        pusher.scheduleWithFixedDelay(
                () -> {
                    long now = System.nanoTime();
                    if (dirty.getAndSet(false) || now - lastFull[0] > 1_000_000_000L) {
                        lastFull[0] = now;
                        push();
                    }
                },
                50,
                50,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Creates the class topic if needed on the cluster {@code clientConfig} reaches, starts folding it and serves the
     * page on {@code port} (0: a free one). A cluster that cannot be reached, or a port in use, is a ClusterException
     * whose message says what to do, and nothing is left running.
     */
    public static ClassWatch start(
            Map<String, Object> clientConfig, boolean fromBeginning, int port, ClassView.StuckRule rule, Clock clock) {
        return start(clientConfig, fromBeginning, Page.loopback(port), rule, clock);
    }

    public static ClassWatch start(
            Map<String, Object> clientConfig, boolean fromBeginning, Page page, ClassView.StuckRule rule, Clock clock) {
        createTopic(clientConfig);
        return new ClassWatch(clientConfig, ProgressFold.Source.PLAIN_SERVER, fromBeginning, page, rule, clock);
    }

    /**
     * Watches a secure class cluster with the instructor's admin settings: every learner's own progress topic, made by
     * {@code class create}, whose events count as that learner's only.
     */
    public static ClassWatch startOnClassCluster(
            Map<String, Object> adminConfig, Page page, ClassView.StuckRule rule, Clock clock) {
        // Wrong settings (a learner's join file, a wrong password) would leave an empty page: say so before starting.
        try (ClassAdmin admin = ClassAdmin.connect(
                String.valueOf(adminConfig.get("bootstrap.servers")), adminConfig, "--command-config")) {
            admin.checkMayWatch();
        }
        // Each learner's topic is read from its first event: a progress topic made after the watch started must not
        // lose the events written before the pattern found it, and a learner's topic holds only their own day.
        return new ClassWatch(adminConfig, ProgressFold.Source.LEARNER_TOPICS, true, page, rule, clock);
    }

    public static void createTopic(Map<String, Object> clientConfig) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.putIfAbsent("request.timeout.ms", 5_000);
        config.putIfAbsent("default.api.timeout.ms", 10_000);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(ProgressEvent.TOPIC, Optional.of(PARTITIONS), Optional.empty())))
                    .all()
                    .get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new ClusterException(
                        "The class server " + config.get("bootstrap.servers") + " did not answer"
                                + " within 10 s. Check --class-server names a running Kafka broker (host:port).",
                        e);
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ClusterException(
                        "Cannot create the class topic on " + config.get("bootstrap.servers") + ": "
                                + e.getCause().getMessage()
                                + ". Check --class-server names a running Kafka broker (host:port).",
                        e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ClusterException(
                    "The class server " + config.get("bootstrap.servers") + " did not answer within"
                            + " 20 s. Check --class-server names a running Kafka broker (host:port).",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while creating the class topic.", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ClusterException(
                    "The class server " + config.get("bootstrap.servers") + " cannot be found (" + e.getMessage()
                            + "). Check --class-server names a running Kafka broker (host:port).",
                    e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public void awaitRunning(Duration deadline) {
        Await.until(
                deadline,
                () -> streams.state() == KafkaStreams.State.RUNNING ? Optional.of(true) : Optional.empty(),
                "The class view is not running after " + deadline.toSeconds() + " s (state " + streams.state() + ").");
    }

    /** The page's address, such as {@code http://localhost:8088/}. */
    public String url() {
        java.net.InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? hostName() : address.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.getAddress().getPort() + base;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }

    /** Hears the view after every change and every second (on one thread of the watch's). */
    public void onView(Consumer<ClassView> listener) {
        listeners.add(listener);
    }

    /** The class now, from the state store by an interactive query (empty while the app is not yet running). */
    public ClassView view() {
        List<LearnerState> states = new ArrayList<>();
        if (streams.state() == KafkaStreams.State.RUNNING) {
            try {
                ReadOnlyKeyValueStore<String, LearnerState> store = streams.store(
                        StoreQueryParameters.fromNameAndType(ProgressFold.STORE, QueryableStoreTypes.keyValueStore()));
                try (var all = store.all()) {
                    all.forEachRemaining(kv -> states.add(kv.value));
                }
            } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
                dirty.set(true); // rebalancing: ask again on the next tick
            }
        }
        return ClassView.of(states, clock.millis(), rule, fold.rejected());
    }

    private void push() {
        try {
            ClassView view = view();
            String json = json(view);
            lastJson = json;
            byte[] frame = ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
            for (Subscriber s : subscribers) {
                try {
                    s.out().write(frame);
                    s.out().flush();
                } catch (IOException e) {
                    subscribers.remove(s);
                    s.done().countDown();
                }
            }
            listeners.forEach(l -> l.accept(view));
        } catch (RuntimeException e) {
            dirty.set(true);
        }
    }

    private static String json(ClassView view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(base)) {
            send(
                    exchange,
                    404,
                    "text/plain; charset=utf-8",
                    "Not here: the class view is at the address class watch printed.");
            return;
        }
        try (var in = ClassWatch.class.getResourceAsStream("class-watch.html")) {
            send(exchange, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        Subscriber subscriber = new Subscriber(out, new CountDownLatch(1));
        String first = lastJson.isEmpty() ? json(view()) : lastJson;
        out.write(("retry: 1000\ndata: " + first + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        subscribers.add(subscriber);
        try {
            subscriber.done().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribers.remove(subscriber);
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        subscribers.forEach(s -> s.done().countDown());
        server.stop(0);
        httpThreads.shutdownNow();
        streams.close(Duration.ofSeconds(15));
        streams.cleanUp();
        stateDir.delete();
    }
}
