namespace Emiss.Core.Diagnostics;

/// <summary>
/// Input from the user (a command-line option, a run-card field, a named file or model) that cannot be used.
/// Thrown where user-facing parameters are validated: at the command line and by the layers that resolve
/// user-named things. Each line of the message reads <c>field: problem; fix</c>, so the command line can print
/// it as <c>emiss: error: field: problem; fix</c> (exit code 2). Anything else that escapes is a bug and is
/// reported as an internal error.
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="field">The option or card field, as the user wrote it (e.g. "--events", "$.beam.energyGeV").</param>
    /// <param name="problem">What is wrong with the value, e.g. "must be ≥ 1000 (got 10)".</param>
    /// <param name="fix">What to do instead, e.g. "e.g. --events 100000".</param>
    public UserInputException(string field, string problem, string fix) : base($"{field}: {problem}; {fix}") { }

    /// <summary>Creates the exception for one problem revealed by another error (kept as the inner exception).</summary>
    public UserInputException(string field, string problem, string fix, Exception inner) : base($"{field}: {problem}; {fix}", inner) { }

    /// <summary>Creates the exception from preformatted lines, each <c>field: problem; fix</c>.</summary>
    public UserInputException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public UserInputException() { }

    /// <summary>Creates the exception from preformatted lines and the error that revealed the problem.</summary>
    public UserInputException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The problems, one per line of the message.</summary>
    public IReadOnlyList<string> Lines => Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
