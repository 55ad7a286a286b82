using Emiss.Cli.RunCards;

namespace Emiss.Cli.Commands;

/// <summary>
/// The one place where user errors become messages: bad input (run cards, option values, unknown
/// names, unimplemented combinations) prints "emiss: error: …" naming the field and exits with 2.
/// </summary>
internal static class CliErrors
{
    public const int UsageError = 2;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is RunCardException or FormatException or ArgumentException or NotSupportedException or InvalidDataException)
        {
            Console.Error.WriteLine($"emiss: error: {e.Message}");
            return UsageError;
        }
    }
}
