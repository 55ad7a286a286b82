namespace Emiss.Detector.Setup;

/// <summary>A set-up card that cannot be used; <see cref="Problems"/> lists every problem with its path and fix.</summary>
public sealed class SetupCardException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public SetupCardException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates an exception with one message.</summary>
    public SetupCardException(string message) : base(message) => Problems = [message];

    /// <summary>Creates an exception with one message and an inner exception.</summary>
    public SetupCardException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    /// <summary>Creates an exception without a message.</summary>
    public SetupCardException() => Problems = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
