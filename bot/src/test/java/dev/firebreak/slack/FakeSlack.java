package dev.firebreak.slack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Slack Web API at the HTTP level (MockWebServer), for any test that talks to Slack.
 *
 * <p>It keeps a small workspace: channels (name uniqueness gives {@code name_taken}, archive state, topic,
 * purpose, members, pins) and messages ({@code chat.postMessage} / {@code chat.update}). Every request is
 * recorded ({@link #calls()}), with the method name from the path and the form or JSON body parsed.
 * Behaviour can be scripted per method: one-shot replies ({@link #script}) or a standing reply
 * ({@link #always}), e.g. {@link Reply#error}, {@link Reply#rateLimited}, {@link Reply#http},
 * {@link Reply#slow}. {@link #enforceTiers} makes it answer 429 + Retry-After as Slack does past its published
 * per-method tiers and one chat.postMessage per second per channel. Usage: {@code firebreak.slack.api-url=fake.url()}, {@code firebreak.slack.bot-token=xoxb-test}.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String BOT_USER = "UBOT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as Slack saw it, and what it answered. */
    public record Call(
            String method,
            Map<String, String> params,
            String authorization,
            int status,
            boolean ok,
            String error,
            long atMillis) {

        public String param(String name) {
            return params.get(name);
        }
    }

    /**
     * A scripted answer. {@code applyFirst}: do what Slack would do, then answer this anyway (a lost
     * response: the channel exists but the caller saw an error).
     */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay, boolean applyFirst) {

        public static Reply error(String error) {
            return new Reply(200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of(), Duration.ZERO, false);
        }

        public static Reply http(int status) {
            return new Reply(
                    status, "{\"ok\":false,\"error\":\"http_" + status + "\"}", Map.of(), Duration.ZERO, false);
        }

        public static Reply rateLimited(long retryAfterSeconds) {
            return new Reply(
                    429,
                    "{\"ok\":false,\"error\":\"ratelimited\"}",
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    Duration.ZERO,
                    false);
        }

        /** Answer normally, but only after {@code delay} (longer than the client timeout = a timeout). */
        public static Reply slow(Duration delay) {
            return new Reply(0, null, Map.of(), delay, true);
        }

        /** This reply, sent only after {@code wait} (a slow Slack). */
        public Reply delayed(Duration wait) {
            return new Reply(status, body, headers, wait, applyFirst);
        }

        /** Perform the method's effect, then answer with this reply's error (the caller never learns it worked). */
        public Reply afterApplying() {
            return new Reply(status, body, headers, delay, true);
        }
    }

    /** A channel in the fake workspace. */
    public static final class Channel {
        public final String id;
        public final String name;
        public final String creator;
        public final long created;
        public volatile String topic = "";
        public volatile String purpose = "";
        public volatile boolean archived;
        public final List<String> members = new CopyOnWriteArrayList<>();
        public final List<String> pins = new CopyOnWriteArrayList<>();

        Channel(String id, String name, String creator, long created) {
            this.id = id;
            this.name = name;
            this.creator = creator;
            this.created = created;
        }
    }

    /** A message in a channel (the last text and blocks after updates). */
    public static final class Message {
        public final String channel;
        public final String ts;
        public volatile String text;
        public volatile String blocks;
        public final AtomicInteger updates = new AtomicInteger();
        /** The author: a person's user id, or null for this bot. */
        public final String user;
        /** A reply inside a thread: only {@code conversations.replies} finds it, not the channel history. */
        public final boolean threadReply;

        Message(String channel, String ts, String text, String blocks) {
            this(channel, ts, text, blocks, null, false);
        }

        Message(String channel, String ts, String text, String blocks, String user, boolean threadReply) {
            this.channel = channel;
            this.ts = ts;
            this.text = text;
            this.blocks = blocks;
            this.user = user;
            this.threadReply = threadReply;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final Map<String, Reply> standing = new HashMap<>();
    private final Map<String, Integer> drops = new HashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicInteger tsSeq = new AtomicInteger(1);
    private final Map<String, String> uploads = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<SharedFile> sharedFiles = new CopyOnWriteArrayList<>();
    private final List<Upload> uploadPosts = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> responses = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, List<String>> userGroups = new LinkedHashMap<>();

    /** A workspace member, for {@code users.lookupByEmail} and {@code users.info}. */
    public record User(String id, String name, String email) {}

    /** A file shared into a channel by files.completeUploadExternal, with the bytes uploaded for it. */
    public record SharedFile(String fileId, String channel, String title, String initialComment, String content) {}

    /**
     * The bytes POSTed to an {@code upload_url} (files upload v2), with the number of Web API calls recorded
     * before it ({@code callsBefore}), so a test can check it came between getUploadURLExternal and complete.
     */
    public record Upload(String fileId, byte[] bytes, String contentType, int callsBefore) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final java.time.Clock clock;
    private java.util.function.Supplier<String> socketUrl;
    private volatile TierLimits tiers;

    /**
     * Slack's published limits (docs.slack.dev, "Rate limits" and each method's page), per method per workspace:
     * Tier 1 1, Tier 2 20, Tier 3 50, Tier 4 100 calls per minute; chat.postMessage one per second per channel.
     * Enforced as sliding windows (at most N calls in any window), the strictest reading of "N per minute".
     */
    public static final Map<String, Integer> PUBLISHED_PER_MINUTE = Map.ofEntries(
            Map.entry("conversations.create", 20),
            Map.entry("conversations.setTopic", 20),
            Map.entry("conversations.setPurpose", 20),
            Map.entry("conversations.archive", 20),
            Map.entry("conversations.unarchive", 20),
            Map.entry("conversations.list", 20),
            Map.entry("pins.add", 20),
            Map.entry("usergroups.list", 20),
            Map.entry("chat.update", 50),
            Map.entry("conversations.invite", 50),
            Map.entry("conversations.history", 50),
            Map.entry("conversations.replies", 50),
            Map.entry("conversations.info", 50),
            Map.entry("users.lookupByEmail", 50),
            Map.entry("users.info", 100),
            Map.entry("views.open", 100),
            Map.entry("files.getUploadURLExternal", 100),
            Map.entry("files.completeUploadExternal", 100),
            Map.entry("files.info", 100),
            Map.entry("chat.getPermalink", 100),
            Map.entry("auth.test", 100));

    /** Sliding windows per method (the tiers) and per channel (chat.postMessage). */
    private static final class TierLimits {
        final long minuteMs;
        final long perChannelMs;
        final Map<String, Deque<Long>> windows = new HashMap<>();

        TierLimits(Duration minute, Duration perChannel) {
            this.minuteMs = minute.toMillis();
            this.perChannelMs = perChannel.toMillis();
        }

        /** Milliseconds until the call would be allowed, or 0 when it is allowed (and then counted). */
        synchronized long admit(String method, String channel, long now) {
            long wait = 0;
            Integer limit = PUBLISHED_PER_MINUTE.get(method);
            if (limit != null) {
                wait = Math.max(wait, check("m:" + method, limit, minuteMs, now));
            }
            if (method.equals("chat.postMessage") && channel != null) {
                wait = Math.max(wait, check("c:" + channel, 1, perChannelMs, now));
            }
            if (wait > 0) {
                return wait;
            }
            if (limit != null) {
                windows.computeIfAbsent("m:" + method, k -> new ArrayDeque<>()).addLast(now);
            }
            if (method.equals("chat.postMessage") && channel != null) {
                windows.computeIfAbsent("c:" + channel, k -> new ArrayDeque<>()).addLast(now);
            }
            return 0;
        }

        private long check(String key, int limit, long window, long now) {
            Deque<Long> calls = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!calls.isEmpty() && calls.peekFirst() <= now - window) {
                calls.pollFirst();
            }
            return calls.size() < limit ? 0 : calls.peekFirst() + window - now;
        }
    }

    /**
     * From now on, answer like Slack past its published limits ({@link #PUBLISHED_PER_MINUTE}, one chat.postMessage
     * per channel per second): HTTP 429 with Retry-After (whole seconds, at least 1) and nothing done. {@code minute}
     * and {@code perChannel} compress time for a test (Slack: a minute and a second).
     */
    public FakeSlack enforceTiers(Duration minute, Duration perChannel) {
        tiers = new TierLimits(minute, perChannel);
        return this;
    }

    /** Calls Slack answered with HTTP 429. */
    public List<Call> rateLimited() {
        return calls.stream().filter(c -> c.status() == 429).toList();
    }

    /** Calls made per method (answered or not), sorted by method. */
    public Map<String, Long> callsPerMethod() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach(c -> counts.merge(c.method(), 1L, Long::sum));
        return counts;
    }

    public FakeSlack() {
        this(java.time.Clock.systemUTC());
    }

    /** A fake whose channels are "created" at this clock's time (use the app's test clock). */
    public FakeSlack(java.time.Clock clock) {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Web API base URL, for {@code firebreak.slack.api-url}. */
    public String url() {
        return server.url("/api/").toString();
    }

    // ---- scripting -------------------------------------------------------------------------------

    /** The next calls of {@code method} get these replies, in order; later calls behave normally. */
    public synchronized FakeSlack script(String method, Reply... replies) {
        scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** Every call of {@code method} gets this reply until {@link #reset(String)}. */
    public synchronized FakeSlack always(String method, Reply reply) {
        standing.put(method, reply);
        return this;
    }

    /**
     * The next {@code times} calls of {@code method} take effect, then the connection is dropped before any
     * answer: the caller never learns that it worked (a crash, a kill -9 or a network cut in mid-call).
     */
    public synchronized FakeSlack dropAfterApplying(String method, int times) {
        drops.merge(method, times, Integer::sum);
        return this;
    }

    public synchronized FakeSlack reset(String method) {
        standing.remove(method);
        scripts.remove(method);
        return this;
    }

    /** Forgets scripts and recorded calls; the workspace (channels, messages) stays. */
    public synchronized void clear() {
        standing.clear();
        scripts.clear();
        drops.clear();
        calls.clear();
        uploadPosts.clear();
        requests.clear();
    }

    /** Adds a channel that exists before the test (e.g. the announce channel, or a name clash). */
    public synchronized Channel addChannel(String name, String creator, String purpose) {
        Channel c = new Channel(
                "C" + ids.incrementAndGet(), name, creator, clock.instant().getEpochSecond());
        c.purpose = purpose == null ? "" : purpose;
        channels.put(c.id, c);
        return c;
    }

    /**
     * Adds a workspace member: {@code users.lookupByEmail} finds it by email (case-insensitive; unknown emails
     * answer {@code users_not_found}) and {@code users.info} by id (unknown ids answer {@code user_not_found}).
     */
    public synchronized User addUser(String id, String name, String email) {
        User u = new User(id, name, email);
        users.put(id, u);
        return u;
    }

    /** A user group ({@code @handle}) with these members, for {@code usergroups.list} with {@code include_users}. */
    public synchronized void addUserGroup(String handle, String... memberIds) {
        userGroups.put(handle, List.of(memberIds));
    }

    /** A person writes in a channel (or, with {@code threadReply}, in a thread there) at {@code ts}. */
    public synchronized Message personWrites(String channel, String ts, String user, String text, boolean threadReply) {
        Message m = new Message(channel, ts, text, null, user, threadReply);
        messages.put(channel + "/" + ts, m);
        return m;
    }

    /**
     * Socket Mode: {@code apps.connections.open} answers this WebSocket URL (a test server playing Slack's side);
     * without one it answers {@code invalid_auth}, so the client keeps retrying.
     */
    public synchronized FakeSlack socketModeUrl(java.util.function.Supplier<String> url) {
        this.socketUrl = url;
        return this;
    }

    /** A human deletes a message (and its pin). */
    public synchronized void deleteMessage(String channel, String ts) {
        messages.remove(channel + "/" + ts);
        Channel c = channels.get(channel);
        if (c != null) {
            c.pins.remove(ts);
        }
    }

    // ---- inspection ------------------------------------------------------------------------------

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls(String method, Predicate<Call> filter) {
        return calls(method).stream().filter(filter).toList();
    }

    /** Calls of {@code method} that Slack answered with ok:true. */
    public List<Call> okCalls(String method) {
        return calls(method, Call::ok);
    }

    public List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    public synchronized List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    public synchronized Channel channelNamed(String name) {
        return channels.values().stream()
                .filter(c -> c.name.equals(name))
                .findFirst()
                .orElse(null);
    }

    public synchronized Channel channel(String id) {
        return channels.get(id);
    }

    public synchronized List<Message> messages(String channel) {
        return messages.values().stream().filter(m -> m.channel.equals(channel)).toList();
    }

    public synchronized Message message(String channel, String ts) {
        return messages.get(channel + "/" + ts);
    }

    /** A {@code response_url} served by this fake; what is posted there is kept under {@code id}. */
    public String responseUrl(String id) {
        return server.url("/response/" + id).toString();
    }

    public List<String> responses(String id) {
        return List.copyOf(responses.getOrDefault(id, List.of()));
    }

    /** Files shared into channels (files upload v2), in order. */
    public List<SharedFile> sharedFiles() {
        return List.copyOf(sharedFiles);
    }

    /** Every POST to an {@code upload_url}, in order (also the scripted ones). */
    public List<Upload> uploads() {
        return List.copyOf(uploadPosts);
    }

    /**
     * Every request in arrival order: Web API method names as in {@link #methods()}, and {@code upload:<fileId>}
     * for the POSTs to an {@code upload_url}.
     */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    // ---- the server ------------------------------------------------------------------------------

    private MockResponse handle(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.startsWith("/upload/")) {
            String fileId = path.substring("/upload/".length()).replaceFirst("\\?.*$", "");
            byte[] bytes = request.getBody().readByteArray();
            synchronized (this) {
                uploadPosts.add(new Upload(fileId, bytes, request.getHeader("Content-Type"), calls.size()));
                requests.add("upload:" + fileId);
            }
            uploads.put(fileId, new String(bytes, StandardCharsets.UTF_8));
            return new MockResponse().setResponseCode(200).setBody("OK - " + bytes.length);
        }
        if (path.startsWith("/response/")) {
            responses
                    .computeIfAbsent(path.substring("/response/".length()), k -> new CopyOnWriteArrayList<>())
                    .add(request.getBody().readUtf8());
            return new MockResponse().setResponseCode(200).setBody("ok");
        }
        String method = path.replaceFirst("^.*/api/", "").replaceFirst("\\?.*$", "");
        Map<String, String> params = parse(request);
        boolean drop;
        synchronized (this) {
            Integer left = drops.get(method);
            drop = left != null && left > 0;
            if (drop) {
                drops.put(method, left - 1);
            }
        }
        if (drop) {
            perform(method, params);
            synchronized (this) {
                calls.add(new Call(
                        method,
                        params,
                        request.getHeader("Authorization"),
                        0,
                        false,
                        "dropped",
                        System.currentTimeMillis()));
                requests.add(method);
            }
            return new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        TierLimits limits = tiers;
        long arrived = System.currentTimeMillis();
        long limitedFor = limits == null ? 0 : limits.admit(method, params.get("channel"), arrived);
        if (limitedFor > 0) {
            long retryAfter = Math.max(1, (limitedFor + 999) / 1000);
            synchronized (this) {
                calls.add(new Call(
                        method, params, request.getHeader("Authorization"), 429, false, "ratelimited", arrived));
                requests.add(method);
            }
            return new MockResponse()
                    .setResponseCode(429)
                    .setHeader("Retry-After", String.valueOf(retryAfter))
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .setBody("{\"ok\":false,\"error\":\"ratelimited\"}");
        }
        Reply scripted;
        synchronized (this) {
            Deque<Reply> queue = scripts.get(method);
            scripted = queue != null && !queue.isEmpty() ? queue.poll() : standing.get(method);
        }
        String body;
        int status = 200;
        Map<String, String> headers = Map.of();
        Duration delay = Duration.ZERO;
        if (scripted == null || scripted.applyFirst()) {
            body = perform(method, params);
        } else {
            body = null;
        }
        if (scripted != null) {
            delay = scripted.delay();
            if (scripted.body() != null) {
                body = scripted.body();
                status = scripted.status();
                headers = scripted.headers();
            }
        }
        JsonNode node = JSON.readTree(body);
        boolean ok = node.path("ok").asBoolean(false);
        String error =
                node.path("error").isMissingNode() ? null : node.path("error").asString();
        synchronized (this) {
            calls.add(new Call(
                    method,
                    params,
                    request.getHeader("Authorization"),
                    status,
                    ok && status == 200,
                    error,
                    System.currentTimeMillis()));
            requests.add(method);
        }
        MockResponse response = new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
        headers.forEach(response::setHeader);
        if (!delay.isZero()) {
            response.setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return response;
    }

    private static Map<String, String> parse(RecordedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String body = request.getBody().readUtf8();
        String type = request.getHeader("Content-Type");
        if (type != null && type.contains("json") && !body.isBlank()) {
            JSON.readTree(body)
                    .properties()
                    .forEach(e -> params.put(
                            e.getKey(),
                            e.getValue().isString()
                                    ? e.getValue().asString()
                                    : e.getValue().toString()));
        } else if (!body.isBlank()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(k, v);
            }
        }
        String query =
                request.getRequestUrl() == null ? null : request.getRequestUrl().query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** What Slack would do and answer. */
    private synchronized String perform(String method, Map<String, String> p) {
        String channelId = p.get("channel");
        Channel channel = channelId == null ? null : channels.get(channelId);
        switch (method) {
            case "auth.test":
                return "{\"ok\":true,\"url\":\"https://fake.slack.com/\",\"team\":\"Fake\",\"user\":\"firebreak\","
                        + "\"team_id\":\"T0001\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0001\"}";
            case "users.lookupByEmail": {
                String email = p.getOrDefault("email", "");
                return users.values().stream()
                        .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email))
                        .findFirst()
                        .map(u -> "{\"ok\":true,\"user\":" + json(u) + "}")
                        .orElse(error("users_not_found"));
            }
            case "usergroups.list": {
                StringBuilder groups = new StringBuilder();
                int n = 0;
                for (var g : userGroups.entrySet()) {
                    groups.append(groups.length() == 0 ? "" : ",")
                            .append("{\"id\":\"S")
                            .append(++n)
                            .append("\",\"handle\":\"")
                            .append(g.getKey())
                            .append("\",\"users\":[")
                            .append(String.join(
                                    ",",
                                    g.getValue().stream()
                                            .map(u -> "\"" + u + "\"")
                                            .toList()))
                            .append("]}");
                }
                return "{\"ok\":true,\"usergroups\":[" + groups + "]}";
            }
            case "users.info": {
                User u = users.get(p.getOrDefault("user", ""));
                return u == null ? error("user_not_found") : "{\"ok\":true,\"user\":" + json(u) + "}";
            }
            case "conversations.create": {
                String name = p.getOrDefault("name", "");
                if (!name.matches("[a-z0-9_-]{1,80}")) {
                    return error("invalid_name_specials");
                }
                if (channels.values().stream().anyMatch(c -> c.name.equals(name))) {
                    return error("name_taken");
                }
                Channel c = new Channel(
                        "C" + ids.incrementAndGet(),
                        name,
                        BOT_USER,
                        clock.instant().getEpochSecond());
                c.members.add(BOT_USER);
                channels.put(c.id, c);
                return "{\"ok\":true,\"channel\":" + json(c) + "}";
            }
            case "conversations.list": {
                int limit = Integer.parseInt(p.getOrDefault("limit", "100"));
                int offset =
                        p.get("cursor") == null || p.get("cursor").isBlank() ? 0 : Integer.parseInt(p.get("cursor"));
                List<Channel> all = new ArrayList<>(channels.values());
                List<Channel> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
                String next = offset + limit < all.size() ? String.valueOf(offset + limit) : "";
                return "{\"ok\":true,\"channels\":["
                        + String.join(",", page.stream().map(FakeSlack::json).toList())
                        + "],\"response_metadata\":{\"next_cursor\":\"" + next + "\"}}";
            }
            case "conversations.info":
                return channel == null ? error("channel_not_found") : "{\"ok\":true,\"channel\":" + json(channel) + "}";
            case "conversations.setTopic":
                if (channel == null) {
                    return error("channel_not_found");
                }
                channel.topic = p.getOrDefault("topic", "");
                return "{\"ok\":true,\"channel\":" + json(channel) + "}";
            case "conversations.setPurpose":
                if (channel == null) {
                    return error("channel_not_found");
                }
                channel.purpose = p.getOrDefault("purpose", "");
                return "{\"ok\":true,\"channel\":" + json(channel) + "}";
            case "conversations.invite": {
                if (channel == null) {
                    return error("channel_not_found");
                }
                List<String> invited = List.of(p.getOrDefault("users", "").split(","));
                if (channel.members.containsAll(invited)) {
                    return error("already_in_channel");
                }
                // Without force (the SDK sends 1), one member already in the channel fails the whole call (nobody is
                // added).
                boolean force = "true".equals(p.get("force")) || "1".equals(p.get("force"));
                if (!force && invited.stream().anyMatch(channel.members::contains)) {
                    return error("already_in_channel");
                }
                invited.stream().filter(u -> !channel.members.contains(u)).forEach(channel.members::add);
                return "{\"ok\":true,\"channel\":" + json(channel) + "}";
            }
            case "conversations.archive":
                if (channel == null) {
                    return error("channel_not_found");
                }
                if (channel.archived) {
                    return error("already_archived");
                }
                channel.archived = true;
                return "{\"ok\":true}";
            case "conversations.unarchive":
                if (channel == null) {
                    return error("channel_not_found");
                }
                if (!channel.archived) {
                    return error("not_archived");
                }
                channel.archived = false;
                return "{\"ok\":true}";
            case "chat.postMessage": {
                // chat.postMessage also takes a channel name (conversations.history does not)
                Channel target = channel != null || channelId == null
                        ? channel
                        : channels.values().stream()
                                .filter(c -> c.name.equals(channelId.replaceFirst("^#", "")))
                                .findFirst()
                                .orElse(null);
                if (target == null) {
                    return error("channel_not_found");
                }
                if (target.archived) {
                    return error("is_archived");
                }
                String ts = clock.instant().getEpochSecond() + "." + String.format("%06d", tsSeq.getAndIncrement());
                messages.put(target.id + "/" + ts, new Message(target.id, ts, p.get("text"), p.get("blocks")));
                return "{\"ok\":true,\"channel\":\"" + target.id + "\",\"ts\":\"" + ts + "\"}";
            }
            case "conversations.history":
            case "conversations.replies": {
                if (channel == null) {
                    return error("channel_not_found");
                }
                boolean replies = method.equals("conversations.replies");
                double oldest =
                        p.get("oldest") == null || p.get("oldest").isBlank() ? 0 : Double.parseDouble(p.get("oldest"));
                double latest = p.get("latest") == null || p.get("latest").isBlank()
                        ? Double.MAX_VALUE
                        : Double.parseDouble(p.get("latest"));
                List<String> found = new ArrayList<>();
                List<Message> all = new ArrayList<>(messages.values());
                for (int i = all.size() - 1; i >= 0; i--) {
                    Message m = all.get(i);
                    double ts = Double.parseDouble(m.ts);
                    boolean listed =
                            replies ? m.ts.equals(p.get("ts")) : !m.threadReply && ts >= oldest && ts <= latest;
                    if (m.channel.equals(channel.id) && listed) {
                        Map<String, Object> json = new LinkedHashMap<>();
                        json.put("type", "message");
                        json.put("user", m.user == null ? BOT_USER : m.user);
                        if (m.user == null) {
                            json.put("bot_id", "B0001");
                        }
                        json.put("ts", m.ts);
                        json.put("text", m.text);
                        if (m.blocks != null) {
                            json.put("blocks", JSON.readTree(m.blocks));
                        }
                        found.add(JSON.writeValueAsString(json));
                    }
                }
                return "{\"ok\":true,\"messages\":[" + String.join(",", found) + "],\"has_more\":false}";
            }
            case "chat.getPermalink":
                return channel == null
                        ? error("channel_not_found")
                        : "{\"ok\":true,\"channel\":\"" + channel.id
                                + "\",\"permalink\":\"https://fake.slack.com/archives/" + channel.id + "/p"
                                + p.getOrDefault("message_ts", "").replace(".", "") + "\"}";
            case "views.open":
                return "{\"ok\":true,\"view\":{\"id\":\"V" + ids.incrementAndGet() + "\",\"type\":\"modal\"}}";
            case "apps.connections.open":
                return socketUrl == null ? error("invalid_auth") : "{\"ok\":true,\"url\":\"" + socketUrl.get() + "\"}";
            case "chat.update": {
                Message m = channel == null ? null : messages.get(channel.id + "/" + p.get("ts"));
                if (channel == null) {
                    return error("channel_not_found");
                }
                if (m == null) {
                    return error("message_not_found");
                }
                m.text = p.get("text");
                m.blocks = p.get("blocks");
                m.updates.incrementAndGet();
                return "{\"ok\":true,\"channel\":\"" + channel.id + "\",\"ts\":\"" + m.ts + "\"}";
            }
            case "pins.add":
                if (channel == null) {
                    return error("channel_not_found");
                }
                if (channel.pins.contains(p.get("timestamp"))) {
                    return error("already_pinned");
                }
                channel.pins.add(p.get("timestamp"));
                return "{\"ok\":true}";
            case "files.getUploadURLExternal": {
                String fileId = "F" + ids.incrementAndGet();
                return "{\"ok\":true,\"upload_url\":\"" + server.url("/upload/" + fileId) + "\",\"file_id\":\"" + fileId
                        + "\"}";
            }
            case "files.info": {
                String id = p.getOrDefault("file", "");
                if (!uploads.containsKey(id)) {
                    return error("file_not_found");
                }
                List<String> in = sharedFiles.stream()
                        .filter(f -> f.fileId().equals(id))
                        .map(SharedFile::channel)
                        .distinct()
                        .map(c -> "\"" + c + "\"")
                        .toList();
                return "{\"ok\":true,\"file\":{\"id\":\"" + id + "\",\"channels\":[" + String.join(",", in)
                        + "],\"groups\":[]}}";
            }
            case "files.completeUploadExternal": {
                Channel target = channels.get(p.get("channel_id"));
                if (target == null) {
                    return error("channel_not_found");
                }
                JsonNode files = JSON.readTree(p.getOrDefault("files", "[]"));
                for (JsonNode f : files) {
                    String id = f.path("id").asString();
                    if (!uploads.containsKey(id)) {
                        return error("file_not_found");
                    }
                    sharedFiles.add(new SharedFile(
                            id, target.id, f.path("title").asString(), p.get("initial_comment"), uploads.get(id)));
                }
                return "{\"ok\":true,\"files\":" + files + "}";
            }
            default:
                return "{\"ok\":true}";
        }
    }

    private static String error(String error) {
        return "{\"ok\":false,\"error\":\"" + error + "\"}";
    }

    private static String json(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("team_id", "T0001");
        m.put("name", u.name());
        m.put("real_name", u.name());
        m.put("deleted", false);
        m.put("is_bot", false);
        m.put("profile", Map.of("email", u.email(), "real_name", u.name(), "display_name", u.name()));
        return JSON.writeValueAsString(m);
    }

    private static String json(Channel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("name", c.name);
        m.put("is_channel", true);
        m.put("created", c.created);
        m.put("creator", c.creator);
        m.put("is_archived", c.archived);
        m.put("topic", Map.of("value", c.topic, "creator", c.creator, "last_set", 0));
        m.put("purpose", Map.of("value", c.purpose, "creator", c.creator, "last_set", 0));
        return JSON.writeValueAsString(m);
    }
}
