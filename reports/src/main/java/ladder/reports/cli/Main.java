package ladder.reports.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import ladder.engine.LadderException;
import ladder.reports.render.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ladder} command. Exit status: 0 done; 1 rows were rejected under {@code --strict};
 * 2 a usage or data mistake, explained in one message on standard error (never a stack trace);
 * 3 an internal error (a bug: the stack trace is printed for the report).
 */
@Command(name = "ladder", mixinStandardHelpOptions = true, version = "ladder 0.1.0",
        description = "Statistics for socio-economic background data pooled across employers.")
public final class Main implements Runnable {
    static final int EXIT_REJECTED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, DescribeCommand.class,
            CompositionCommand.class, OddsCommand.class, ModelCommand.class, SurvivalCommand.class, TrendCommand.class,
            CeilingCommand.class, IntersectCommand.class, PayCommand.class, MaihdaCommand.class, FunnelCommand.class,
            RoutesCommand.class, TrainingCommand.class, AfterTrainingCommand.class, EmployerCommand.class,
            ScorecardCommand.class, CubeCommand.class, GenerateCommand.class, ReportCommand.class, ImportCommand.class);

    /** This command as picocli built it, so that the message below goes to the error stream {@link #run} was given. */
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: validate, describe, composition, odds, model, survival, trend, ceiling, intersect, pay, maihda, funnel, routes, training, after-training, employer, scorecard, cube, generate, report, import");
    }

    public static void main(String[] args) {
        // A worker thread that runs out of memory hands its failure to the command, which says so in
        // one line; the JVM's own trace of the dying thread would only bury that line.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof OutOfMemoryError)) {
                System.err.println("ladder: internal error on thread " + thread.getName() + ": " + e);
            }
        });
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; answers the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /**
     * Runs the command line {@code args} with {@code --data} opened by {@code rows} (e.g. on a
     * Spark cluster), or in this process when it is {@code null}; answers the exit status.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, RowsOpener rows) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DataOptions.class ? type.cast(new DataOptions(rows)) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        // Picocli reads a command's annotations when it is added, which for all 21 took about a fifth of a
        // second of every run: the command named first is added alone, the rest only for the usage or an unknown name.
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(type -> type.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        for (Class<?> type : named != null ? List.of(named) : COMMANDS) {
            cli.addSubcommand(new CommandLine(type, factory));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, argv) -> {
            CommandLine at = e.getCommandLine();
            at.getErr().println("ladder: " + e.getMessage().strip().replace('\n', ' ') + " (see: ladder "
                    + (at.getCommandSpec().name().equals("ladder") ? "" : at.getCommandSpec().name() + " ") + "--help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof LadderException) {
                commandLine.getErr().println("ladder: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (brokenPipe(e)) {
                return 0;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OutOfMemoryError) {
                    commandLine.getErr().println(outOfMemory());
                    return EXIT_USAGE;
                }
            }
            commandLine.getErr().println("ladder: internal error, please report it with this trace:");
            e.printStackTrace(commandLine.getErr());
            return EXIT_INTERNAL;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory());
            err.flush();
            return EXIT_USAGE;
        } catch (StackOverflowError e) {
            err.println("ladder: internal error (stack overflow), please report it with the command you ran");
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    /** The one line for running out of memory (on any thread): how much there was and how to give more. */
    private static String outOfMemory() {
        return "ladder: out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB);"
                + " give Java more with LADDER_JAVA_OPTS=-Xmx16g (about 40 bytes per row are needed), or ask for"
                + " fewer dimensions";
    }

    /** Whether {@code e} is the reader of standard output going away (e.g. {@code | head -1}): a quiet end. */
    static boolean brokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    /** Checks a confidence level: strictly between 0 and 1. */
    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new LadderException("--level must be between 0 and 1, e.g. 0.95; got " + level);
        }
    }

    static Format format(String name) {
        try {
            Format f = Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (f != Format.HTML) {
                return f;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new LadderException("--format must be table, json or csv, not '" + name + "'");
    }

    /** The contract table a {@code --table} option names: employees or applicants. */
    static ladder.engine.contract.Schema table(String name) {
        for (ladder.engine.contract.Schema schema : ladder.engine.contract.Schema.TABLES) {
            if (schema.name().equalsIgnoreCase(name.strip())) {
                return schema;
            }
        }
        throw new LadderException("--table must be employees or applicants, not '" + name + "'");
    }
}
