package id.qutab.testing;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a native image needs and a JVM test cannot see, checked on an app's compiled main classes
 * ({@code target/classes}); the checklist is deploy/README.md, "Native images".
 *
 * <ol>
 *   <li><b>Nothing made at build time that must be made at run time.</b> A native image runs the class initialisers
 *   ({@code static} fields, {@code static {}}) of application classes while it is built, and keeps what they made.
 *   A class initialiser must not store a random, a clock, a key or a key store in a static field, nor read the
 *   time, draw randomness, load keys, read the environment or the configuration, or touch AWT/ImageIO (which
 *   quarkus-awt initialises at run time: a static {@code java.awt.Color} fails the build) (directly, or through a static
 *   method of its own class). Made lazily on first use (e.g. {@code id.qutab.platform.random.RunTimeRandom}) or held
 *   by a CDI bean, the same thing is made at run time and passes.</li>
 *   <li><b>Reflection registered where Quarkus cannot see it.</b> Quarkus registers what REST endpoints take and
 *   return and the Hibernate entities; it does not see types that only reach Jackson through an
 *   {@code ObjectMapper} call (read into {@code X.class}, written as a value), an outbox payload, or Hibernate
 *   through {@code createNativeQuery(sql, X.class)} / {@code createQuery(jpql, X.class)}. Each such type of ours,
 *   and each type of ours its fields hold, must carry {@code @RegisterForReflection} (or be an entity), else the
 *   native app answers {@code {}} or fails where the JVM worked.</li>
 *   <li><b>Locales in the image.</b> A language named in code ({@code Locale.forLanguageTag("id-ID")}) must be in
 *   {@code quarkus.locales}, or the native app formats its dates and numbers in English.</li>
 * </ol>
 */
public final class NativeReadiness {

    private static final String OWN_PACKAGE = "id/qutab/";
    private static final String REGISTER_FOR_REFLECTION = "Lio/quarkus/runtime/annotations/RegisterForReflection;";
    private static final Set<String> REGISTERED_BY_QUARKUS = Set.of(
            "Ljakarta/persistence/Entity;", "Ljakarta/persistence/Embeddable;", "Ljakarta/persistence/MappedSuperclass;");

    /** Types whose instance in a static field would be made on the build machine. */
    private static final Set<String> BUILD_TIME_HAZARD_TYPES = Set.of(
            "java/util/Random", "java/security/SecureRandom", "java/util/SplittableRandom",
            "java/time/Clock", "java/security/Key", "java/security/PrivateKey", "java/security/PublicKey",
            "javax/crypto/SecretKey", "javax/crypto/spec/SecretKeySpec", "java/security/KeyPair",
            "java/security/KeyStore", "javax/crypto/Mac", "javax/crypto/Cipher");

    /** Calls that read the clock, draw randomness, load keys or read the environment: not in a class initialiser. */
    private static final Set<String> BUILD_TIME_HAZARD_CALLS = Set.of(
            "java/lang/System.currentTimeMillis", "java/lang/System.nanoTime", "java/lang/System.getenv",
            "java/time/Instant.now", "java/time/LocalDate.now", "java/time/LocalDateTime.now",
            "java/time/LocalTime.now", "java/time/ZonedDateTime.now", "java/time/OffsetDateTime.now",
            "java/time/Year.now", "java/time/YearMonth.now",
            "java/time/Clock.systemUTC", "java/time/Clock.systemDefaultZone", "java/time/Clock.system",
            "java/util/UUID.randomUUID",
            "java/util/Random.<init>", "java/security/SecureRandom.<init>", "java/util/SplittableRandom.<init>",
            "java/security/SecureRandom.getInstance", "java/security/SecureRandom.getInstanceStrong",
            "java/security/KeyFactory.getInstance", "java/security/KeyStore.getInstance",
            "java/security/KeyPairGenerator.getInstance", "javax/crypto/KeyGenerator.getInstance",
            "javax/crypto/SecretKeyFactory.getInstance", "javax/crypto/spec/SecretKeySpec.<init>",
            "org/eclipse/microprofile/config/ConfigProvider.getConfig");

    /** Jackson calls whose last argument is the class read into. */
    private static final Set<String> READ_INTO_CLASS = Set.of("readValue", "readValues", "convertValue",
            "treeToValue", "readerFor", "forType");
    /** Jackson calls that write their first argument reflectively. */
    private static final Set<String> WRITE_FIRST_ARGUMENT = Set.of("writeValueAsString", "writeValueAsBytes",
            "valueToTree", "convertValue");
    private static final Set<String> JACKSON_OWNERS = Set.of("com/fasterxml/jackson/databind/ObjectMapper",
            "com/fasterxml/jackson/databind/ObjectReader", "com/fasterxml/jackson/databind/ObjectWriter");

    private NativeReadiness() {
    }

    /** Fails, listing every finding, when the module's {@code target/classes} is not native-ready. */
    public static void assertNativeReady() {
        assertNativeReady(Path.of("target", "classes"));
    }

    public static void assertNativeReady(Path classesDir) {
        List<String> problems = problems(classesDir);
        if (!problems.isEmpty()) {
            fail("Not native-ready (deploy/README.md, \"Native images\"):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Only rule 1 (class initialisers), for plain-Java tools that are not Quarkus apps (the sandboxes): nothing there
     * registers reflection, but the rule about what class initialisers make holds for any code a native image
     * could be built from.
     */
    public static void assertNothingMadeAtBuildTime(Path classesDir) {
        Map<String, ClassNode> classes = readClasses(classesDir);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes under " + classesDir.toAbsolutePath());
        }
        List<String> problems = new ArrayList<>();
        for (ClassNode c : classes.values()) {
            problems.addAll(classInitialiserProblems(c));
        }
        if (!problems.isEmpty()) {
            fail("Made at build time in a native image (deploy/README.md, \"Native images\"):\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The findings, one line each, naming the class and what to change. */
    public static List<String> problems(Path classesDir) {
        Map<String, ClassNode> classes = readClasses(classesDir);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes under " + classesDir.toAbsolutePath());
        }
        List<String> problems = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (ClassNode c : classes.values()) {
            problems.addAll(classInitialiserProblems(c));
            collectRegistered(c, registered);
        }
        Map<String, String> needed = new HashMap<>();
        for (ClassNode c : classes.values()) {
            typeReference(c, needed);
            for (MethodNode m : c.methods) {
                reflectiveUses(c, m, needed, problems);
            }
        }
        problems.addAll(unregistered(needed, classes, registered));
        problems.addAll(missingLocales(classesDir, classes));
        return problems;
    }

    // ---------------------------------------------------------------- 3. locales

    /**
     * A native image carries only the locales of {@code quarkus.locales} (default: the build machine's, en-US):
     * {@code Locale.forLanguageTag("id-ID")} formats Indonesian dates and numbers on the JVM and English ones in
     * the native app. Every language named in main code must be in the app's {@code quarkus.locales}.
     */
    private static List<String> missingLocales(Path classesDir, Map<String, ClassNode> classes) {
        Set<String> configured = new HashSet<>(Set.of("en"));
        Path properties = classesDir.resolve("application.properties");
        if (Files.isRegularFile(properties)) {
            java.util.Properties p = new java.util.Properties();
            try (InputStream in = Files.newInputStream(properties)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String tag : p.getProperty("quarkus.locales", "").split(",")) {
                if (!tag.isBlank()) {
                    configured.add(language(tag.trim()));
                }
            }
        }
        Set<String> problems = new TreeSet<>();
        for (ClassNode c : classes.values()) {
            for (MethodNode m : c.methods) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && call.owner.equals("java/util/Locale")
                            && (call.name.equals("forLanguageTag") || call.name.equals("of")
                            || call.name.equals("<init>"))) {
                        for (AbstractInsnNode p = call.getPrevious(); p != null; p = p.getPrevious()) {
                            if (p instanceof LdcInsnNode ldc && ldc.cst instanceof String tag) {
                                String language = language(tag);
                                if (!language.isEmpty() && !configured.contains(language)) {
                                    problems.add(c.name.replace('/', '.') + "." + m.name + " uses the locale " + tag
                                            + ", which quarkus.locales (application.properties) does not include:"
                                            + " a native image would format it as English");
                                }
                                break;
                            }
                            if (p instanceof MethodInsnNode || p.getOpcode() == Opcodes.ALOAD) {
                                break;
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private static String language(String tag) {
        return tag.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- 1. class initialisers

    private static List<String> classInitialiserProblems(ClassNode c) {
        List<String> problems = new ArrayList<>();
        Map<String, FieldNode> staticFields = new HashMap<>();
        for (FieldNode f : c.fields) {
            if ((f.access & Opcodes.ACC_STATIC) != 0) {
                staticFields.put(f.name, f);
            }
        }
        Map<String, MethodNode> methods = new HashMap<>();
        for (MethodNode m : c.methods) {
            methods.put(m.name + m.desc, m);
        }
        MethodNode clinit = methods.get("<clinit>()V");
        if (clinit == null) {
            return problems;
        }
        // The initialiser and the static methods of this class it calls, transitively.
        Deque<MethodNode> todo = new ArrayDeque<>(List.of(clinit));
        Set<MethodNode> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            MethodNode m = todo.pop();
            if (!seen.add(m)) {
                continue;
            }
            String where = c.name.replace('/', '.') + (m == clinit ? " (class initialiser)" : " (" + m.name
                    + ", called by the class initialiser)");
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof FieldInsnNode field && insn.getOpcode() == Opcodes.PUTSTATIC
                        && field.owner.equals(c.name)) {
                    Type type = Type.getType(field.desc);
                    if (type.getSort() == Type.OBJECT && BUILD_TIME_HAZARD_TYPES.contains(type.getInternalName())) {
                        problems.add(where + ": static field " + field.name + " of type "
                                + type.getClassName() + " is made at build time in a native image; make it on first"
                                + " use (RunTimeRandom) or hold it in a CDI bean");
                    }
                } else if (insn instanceof FieldInsnNode field && insn.getOpcode() == Opcodes.GETSTATIC
                        && runTimeInitialised(field.owner)) {
                    problems.add(where + ": reads " + field.owner.replace('/', '.') + "." + field.name
                            + ", a class a native image initialises at run time (quarkus-awt)");
                } else if (insn instanceof MethodInsnNode call) {
                    String target = call.owner + "." + call.name;
                    if (runTimeInitialised(call.owner)) {
                        problems.add(where + ": calls " + target.replace('/', '.')
                                + ", a class a native image initialises at run time (quarkus-awt)");
                    }
                    if (BUILD_TIME_HAZARD_CALLS.contains(target)) {
                        problems.add(where + ": calls " + target.replace('/', '.')
                                + ", which a native image runs once on the build machine");
                    }
                    if (call.owner.equals(c.name) && call.getOpcode() == Opcodes.INVOKESTATIC) {
                        MethodNode callee = methods.get(call.name + call.desc);
                        if (callee != null) {
                            todo.push(callee);
                        }
                    }
                }
            }
        }
        // Reported once per field even when both the type and the call match.
        return problems.stream().distinct().toList();
    }

    /** AWT and ImageIO are initialised at run time (quarkus-awt): a build-time class initialiser must not use them. */
    private static boolean runTimeInitialised(String owner) {
        return owner.startsWith("java/awt/") || owner.startsWith("javax/imageio/") || owner.startsWith("sun/awt/");
    }

    // ---------------------------------------------------------------- 2. reflection

    private static void collectRegistered(ClassNode c, Set<String> registered) {
        for (AnnotationNode a : annotations(c)) {
            if (REGISTERED_BY_QUARKUS.contains(a.desc)) {
                registered.add(c.name);
            }
            if (!REGISTER_FOR_REFLECTION.equals(a.desc)) {
                continue;
            }
            boolean explicitTargets = false;
            if (a.values != null) {
                for (int i = 0; i + 1 < a.values.size(); i += 2) {
                    String name = (String) a.values.get(i);
                    Object value = a.values.get(i + 1);
                    if ("targets".equals(name) && value instanceof List<?> targets) {
                        for (Object t : targets) {
                            registered.add(((Type) t).getInternalName());
                            explicitTargets = true;
                        }
                    } else if ("classNames".equals(name) && value instanceof List<?> names) {
                        for (Object n : names) {
                            registered.add(((String) n).replace('.', '/'));
                            explicitTargets = true;
                        }
                    }
                }
            }
            if (!explicitTargets) {
                registered.add(c.name);
            }
        }
    }

    private static List<AnnotationNode> annotations(ClassNode c) {
        List<AnnotationNode> all = new ArrayList<>();
        if (c.visibleAnnotations != null) {
            all.addAll(c.visibleAnnotations);
        }
        if (c.invisibleAnnotations != null) {
            all.addAll(c.invisibleAnnotations);
        }
        return all;
    }

    /** {@code new TypeReference<List<X>>() {}}: X is read reflectively. */
    private static void typeReference(ClassNode c, Map<String, String> needed) {
        if (!"com/fasterxml/jackson/core/type/TypeReference".equals(c.superName) || c.signature == null) {
            return;
        }
        new SignatureReader(c.signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            @Override
            public void visitClassType(String name) {
                need(needed, name, c.name.replace('/', '.') + " (a Jackson TypeReference)");
            }
        });
    }

    /** Records in {@code needed} (type → where it is used) the types of ours that a call hands to reflection. */
    private static void reflectiveUses(ClassNode c, MethodNode m, Map<String, String> needed, List<String> problems) {
        boolean valueSinks = false;
        for (AbstractInsnNode insn : m.instructions) {
            if (!(insn instanceof MethodInsnNode call)) {
                continue;
            }
            String where = c.name.replace('/', '.') + "." + m.name;
            boolean jackson = JACKSON_OWNERS.contains(call.owner);
            boolean classArgument = call.desc.contains("Ljava/lang/Class;)");
            if (classArgument && ((jackson && READ_INTO_CLASS.contains(call.name))
                    || (call.owner.equals("jakarta/persistence/EntityManager")
                    && (call.name.equals("createNativeQuery") || call.name.equals("createQuery"))))) {
                AbstractInsnNode previous = previousReal(insn);
                if (previous instanceof LdcInsnNode ldc && ldc.cst instanceof Type type
                        && type.getSort() == Type.OBJECT) {
                    need(needed, type.getInternalName(), where + " (" + call.name + " into it)");
                }
            }
            if ((jackson && WRITE_FIRST_ARGUMENT.contains(call.name))
                    || (call.owner.equals("id/qutab/platform/outbox/Outbox") && call.name.equals("record"))) {
                valueSinks = true;
            }
        }
        if (valueSinks) {
            writtenValues(c, m, needed, problems);
        }
    }

    /** The static types of the values written reflectively by this method (Jackson writes, outbox payloads). */
    private static void writtenValues(ClassNode c, MethodNode m, Map<String, String> needed, List<String> problems) {
        Frame<BasicValue>[] frames;
        try {
            SimpleVerifier verifier = new SimpleVerifier(Type.getObjectType(c.name),
                    c.superName == null ? null : Type.getObjectType(c.superName),
                    (c.access & Opcodes.ACC_INTERFACE) != 0);
            verifier.setClassLoader(Thread.currentThread().getContextClassLoader());
            frames = new Analyzer<>(verifier).analyze(c.name, m);
        } catch (AnalyzerException | RuntimeException | LinkageError e) {
            problems.add(c.name.replace('/', '.') + "." + m.name + ": could not analyse the values it writes ("
                    + e + "); check them by hand and say so here");
            return;
        }
        AbstractInsnNode[] insns = m.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (!(insns[i] instanceof MethodInsnNode call) || frames[i] == null) {
                continue;
            }
            Frame<BasicValue> frame = frames[i];
            Type[] arguments = Type.getArgumentTypes(call.desc);
            int top = frame.getStackSize() - 1;
            BasicValue value = null;
            if (JACKSON_OWNERS.contains(call.owner) && WRITE_FIRST_ARGUMENT.contains(call.name)) {
                value = frame.getStack(top - (arguments.length - 1));
            } else if (call.owner.equals("id/qutab/platform/outbox/Outbox") && call.name.equals("record")) {
                value = frame.getStack(top);
            }
            if (value != null && value.getType() != null && value.getType().getSort() == Type.OBJECT) {
                need(needed, value.getType().getInternalName(),
                        c.name.replace('/', '.') + "." + m.name + " (" + call.name + " of it)");
            }
        }
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static void need(Map<String, String> needed, String type, String where) {
        if (type.startsWith(OWN_PACKAGE)) {
            needed.putIfAbsent(type, where);
        }
    }

    /** The needed types, and the types of ours their fields hold, that nothing registers. */
    private static List<String> unregistered(Map<String, String> needed, Map<String, ClassNode> classes,
                                             Set<String> registered) {
        Set<String> problems = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(needed.keySet());
        Map<String, String> why = new HashMap<>(needed);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            ClassNode node = classes.containsKey(type) ? classes.get(type) : fromClassPath(type);
            if (node == null || (node.access & Opcodes.ACC_ENUM) != 0) {
                // Enums are (de)serialised by name through Class.getEnumConstants(), which a native image
                // supports without registration.
                continue;
            }
            Set<String> alsoRegistered = new HashSet<>(registered);
            collectRegistered(node, alsoRegistered);
            if (!alsoRegistered.contains(type)) {
                problems.add(type.replace('/', '.') + " is read or written reflectively by " + why.get(type)
                        + " but not registered: add @RegisterForReflection");
            }
            for (FieldNode f : node.fields) {
                if ((f.access & Opcodes.ACC_STATIC) != 0) {
                    continue;
                }
                for (String held : typesIn(f)) {
                    if (held.startsWith(OWN_PACKAGE) && !seen.contains(held)) {
                        why.putIfAbsent(held, "a field of " + type.replace('/', '.'));
                        todo.push(held);
                    }
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private static Set<String> typesIn(FieldNode f) {
        Set<String> types = new HashSet<>();
        Type type = Type.getType(f.desc);
        if (type.getSort() == Type.ARRAY) {
            type = type.getElementType();
        }
        if (type.getSort() == Type.OBJECT) {
            types.add(type.getInternalName());
        }
        if (f.signature != null) {
            new SignatureReader(f.signature).acceptType(new SignatureVisitor(Opcodes.ASM9) {
                @Override
                public void visitClassType(String name) {
                    types.add(name);
                }
            });
        }
        return types;
    }

    private static ClassNode fromClassPath(String type) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(type + ".class")) {
            return in == null ? null : read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, ClassNode> readClasses(Path dir) {
        Map<String, ClassNode> classes = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return classes;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassNode node = read(Files.readAllBytes(file));
                classes.put(node.name, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }
}
