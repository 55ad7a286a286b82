using System.CommandLine;
using System.Reflection;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;

namespace Emiss.Cli.Commands;

/// <summary>
/// The one place where failures become messages. Bad input (<see cref="UserInputException"/>: run cards,
/// option values, unknown names, files) prints one <c>emiss: error: field: problem; fix</c> line per problem and
/// exits with 2. Anything else is a bug or an environment failure: one line
/// <c>emiss: internal error: message (run with --verbose for the stack trace)</c> and exit code 70
/// (EX_SOFTWARE of BSD sysexits.h); <c>--verbose</c> adds the stack trace.
/// </summary>
internal static class CliErrors
{
    /// <summary>Exit code of a user error.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of an internal error (sysexits.h EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>The global <c>--verbose</c> option (recursive: valid after any verb).</summary>
    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Print the stack trace of an internal error", Recursive = true };

    /// <summary>Runs a verb's action, turning exceptions into messages and exit codes.</summary>
    public static int Run(ParseResult parse, Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (Exception e)
        {
            // An interrupt removes the staging directories while the command may still be writing into them; the write
            // then fails. That failure is the interrupt's doing, not a bug: the signal handler prints the one line and
            // ends the process, so this thread waits for it instead of reporting an internal error.
            if (TemporaryPaths.Interrupted) Thread.Sleep(Timeout.Infinite);
            return Report(e, parse.GetValue(Verbose), Console.Error);
        }
    }

    /// <summary>Writes the message of <paramref name="e"/> and returns the exit code.</summary>
    public static int Report(Exception e, bool verbose, TextWriter error)
    {
        IReadOnlyList<Exception> causes = Causes(e);
        if (causes.All(c => c is UserInputException))
        {
            foreach (string line in causes.Cast<UserInputException>().SelectMany(u => u.Lines).Distinct(StringComparer.Ordinal))
                error.WriteLine($"emiss: error: {line}");
            return UsageError;
        }
        Exception bug = causes.First(c => c is not UserInputException);
        string message = string.Join(' ', bug.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (verbose)
        {
            error.WriteLine($"emiss: internal error: {message}");
            error.WriteLine(e.ToString());
        }
        else
        {
            error.WriteLine($"emiss: internal error: {message} (run with --verbose for the stack trace)");
        }
        return InternalError;
    }

    /// <summary>The exceptions behind wrappers (parallel loops, reflection), innermost first-level causes.</summary>
    private static List<Exception> Causes(Exception e) => e switch
    {
        AggregateException a => [.. a.Flatten().InnerExceptions.SelectMany(Causes)],
        TargetInvocationException { InnerException: { } inner } => Causes(inner),
        _ => [e],
    };
}
