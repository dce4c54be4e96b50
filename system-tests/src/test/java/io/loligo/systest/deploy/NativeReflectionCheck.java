package io.loligo.systest.deploy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Checks a service's native build output ({@code -Dquarkus.native.sources-only=true}) for what native mode would
 * break at run time: every message and DTO type the service's code reaches must be in the reflection config
 * Quarkus generated, and its code must not load classes by name or build proxies. A message or DTO type is a
 * record whose components carry {@code @JsonProperty}, from the service or from contracts; reaching one follows
 * the class references in the compiled code, through the records themselves. Uses nothing but the JDK, so that
 * {@code dev/loligo test} runs it straight from the compiled test classes.
 */
public final class NativeReflectionCheck {
    private static final String JSON_PROPERTY = "Lcom/fasterxml/jackson/annotation/JsonProperty;";
    private static final Pattern OWN_TYPE = Pattern.compile("L(io/loligo/[\\w/$]+);");
    private static final Pattern REFLECTED_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([\\w.$]+)\"");
    /** Calls native mode rejects or cannot see ahead of time. */
    private static final Map<String, String> FORBIDDEN = Map.of(
            "java/lang/Class.forName", "loads a class by name",
            "java/lang/reflect/Proxy.newProxyInstance", "builds a proxy at run time",
            "java/lang/ClassLoader.loadClass", "loads a class by name");

    /** One compiled class: its name, whether it is a message or DTO type, and what it refers to. */
    record ClassFile(String name, boolean dto, Set<String> ownTypes, Set<String> calls) {
    }

    private NativeReflectionCheck() {
    }

    /** @param args each service's module directory, after the native sources-only build */
    public static void main(String[] args) throws IOException {
        Path contracts = Path.of(args[0]).resolveSibling("contracts").resolve("target/classes");
        int failures = 0;
        for (String module : args) {
            Path dir = Path.of(module);
            List<String> problems = problems(classes(dir.resolve("target/classes")), classes(contracts), reflected(dir));
            System.out.printf("%s: %s%n", dir.getFileName(), problems.isEmpty()
                    ? "every message and DTO type it uses is registered for reflection; no class loaded by name, no proxy"
                    : problems.size() + " problems for a native image");
            problems.forEach(problem -> System.out.println("  " + problem));
            failures += problems.size();
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    /** What the native image would lack or refuse, in words. */
    static List<String> problems(Map<String, ClassFile> service, Map<String, ClassFile> contracts, Set<String> reflected) {
        Map<String, ClassFile> all = new HashMap<>(contracts);
        all.putAll(service);
        Set<String> reached = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(service.keySet());
        while (!next.isEmpty()) {
            ClassFile type = all.get(next.pop());
            if (type == null || !reached.add(type.name())) {
                continue;
            }
            // from the service's own classes everything is followed; from contracts, only what a DTO refers to
            if (service.containsKey(type.name()) || type.dto()) {
                next.addAll(type.ownTypes());
            }
        }
        List<String> problems = new ArrayList<>();
        for (String name : reached) {
            ClassFile type = all.get(name);
            if (type.dto() && !reflected.contains(name.replace('/', '.'))) {
                problems.add(name.replace('/', '.') + " is a message or DTO type the service uses, missing from its reflection config"
                        + " (add it to the service's @RegisterForReflection)");
            }
        }
        for (ClassFile type : service.values()) {
            type.calls().stream().filter(FORBIDDEN::containsKey).forEach(call ->
                    problems.add(type.name().replace('/', '.') + " calls " + call.replace('/', '.') + ", which " + FORBIDDEN.get(call)));
        }
        return problems;
    }

    /** The class names in the reflection config Quarkus wrote into the native sources' runner jar. */
    static Set<String> reflected(Path module) throws IOException {
        Path sources = module.resolve("target/native-sources");
        Path runner;
        try (Stream<Path> jars = Files.list(sources)) {
            runner = jars.filter(path -> path.toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no runner jar in " + sources + ": run the native sources-only build first"));
        }
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            String config = new String(jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json")).readAllBytes());
            Set<String> names = new TreeSet<>();
            Matcher matcher = REFLECTED_NAME.matcher(config);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }

    static Map<String, ClassFile> classes(Path root) throws IOException {
        Map<String, ClassFile> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassFile parsed = parse(in);
                    classes.put(parsed.name(), parsed);
                }
            }
        }
        return classes;
    }

    /** Reads what the check needs from a class file's constant pool (JVMS §4.4). */
    static ClassFile parse(InputStream stream) {
        try {
            DataInputStream in = new DataInputStream(stream);
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            int[][] memberRef = new int[count][];
            int[] nameAndTypeName = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> {
                        nameAndTypeName[i] = in.readUnsignedShort();
                        in.readUnsignedShort();
                    }
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 17, 18 -> in.readInt();
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            String name = utf8[classIndex[in.readUnsignedShort()]];
            int superIndex = in.readUnsignedShort();
            boolean record = superIndex != 0 && "java/lang/Record".equals(utf8[classIndex[superIndex]]);
            Set<String> ownTypes = new TreeSet<>();
            boolean jsonProperty = false;
            for (int i = 1; i < count; i++) {
                if (classIndex[i] != 0 && utf8[classIndex[i]].startsWith("io/loligo/")) {
                    ownTypes.add(utf8[classIndex[i]]);
                }
                if (utf8[i] != null) {
                    jsonProperty |= utf8[i].equals(JSON_PROPERTY);
                    Matcher matcher = OWN_TYPE.matcher(utf8[i]);
                    while (matcher.find()) {
                        ownTypes.add(matcher.group(1));
                    }
                }
            }
            ownTypes.remove(name);
            Set<String> calls = new TreeSet<>();
            for (int[] ref : memberRef) {
                if (ref != null) {
                    calls.add(utf8[classIndex[ref[0]]] + "." + utf8[nameAndTypeName[ref[1]]]);
                }
            }
            return new ClassFile(name, record && jsonProperty, ownTypes, calls);
        } catch (IOException e) {
            throw new UncheckedIOException("not a class file", e);
        }
    }
}
