using System.Runtime.InteropServices;
using Emiss.Core.IO;

namespace Emiss.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM: remove every temporary file and staging directory of the run
/// (<see cref="TemporaryPaths.RemoveAllAndClose"/>), print one line saying what was kept, and exit with 128 + the
/// signal number (130, 143), as a shell reports a process ended by that signal. Outputs are only ever renamed into
/// place complete, so what is kept is either nothing new or the completed output.
/// </summary>
internal static class Interruption
{
    /// <summary>Exit code after SIGINT (128 + 2).</summary>
    public const int SigIntExit = 130;

    /// <summary>Exit code after SIGTERM (128 + 15).</summary>
    public const int SigTermExit = 143;

    private static int _handling;

    /// <summary>Installs the handlers; keep the registrations alive for the life of the process.</summary>
    public static IDisposable[] Install() =>
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, "SIGINT", SigIntExit)),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, "SIGTERM", SigTermExit)),
    ];

    private static void Handle(PosixSignalContext context, string name, int exitCode)
    {
        context.Cancel = true;   // the default action would end the process without removing anything
        if (Interlocked.Exchange(ref _handling, 1) != 0) return;   // a second signal while cleaning up changes nothing
        IReadOnlyList<string> kept = TemporaryPaths.RemoveAllAndClose();
        // The progress display of 'simulate' hides the terminal cursor; show it again (DECTCEM), as its normal end does.
        if (!Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb")) Console.Out.Write("\u001b[?25h\n");
        Console.Out.Flush();
        Console.Error.WriteLine(kept.Count == 0
            ? $"emiss: interrupted by {name}: removed the unfinished output; nothing was kept"
            : $"emiss: interrupted by {name}: removed temporary files; kept the completed output {string.Join(", ", kept.Select(p => $"'{p}'"))}");
        Console.Error.Flush();
        Environment.Exit(exitCode);
    }
}
