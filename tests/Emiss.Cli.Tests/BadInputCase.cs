namespace Emiss.Cli.Tests;

/// <summary>
/// One bad input of the table-driven suite: a command line (with "{dir}" standing for a fresh temporary
/// directory) and files to write there first, the field the error line must name, the output path that must not
/// appear, and the corrected command line and files (the same run with the one fault removed).
/// </summary>
internal sealed record BadInputCase(
    string Id,
    string Field,
    string[] Bad,
    IReadOnlyDictionary<string, string> BadFiles,
    string[] Good,
    IReadOnlyDictionary<string, string> GoodFiles,
    string? Output,
    bool RunCorrected)
{
    /// <summary>Writes the files of the bad or good variant into <paramref name="dir"/> and returns the arguments.</summary>
    public string[] Prepare(string dir, bool good)
    {
        foreach (var (name, text) in good ? GoodFiles : BadFiles) File.WriteAllText(Path.Combine(dir, name), text);
        return [.. (good ? Good : Bad).Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal))];
    }
}

/// <summary>A command line as words plus options in order, so that a case can replace or drop one option.</summary>
internal sealed class CommandLine(string[] words, params (string Option, string? Value)[] options)
{
    private readonly (string Option, string? Value)[] _options = options;

    /// <summary>The arguments; a null value is a flag without a value.</summary>
    public string[] Args() => [.. words, .. _options.SelectMany(o => o.Value is null ? new[] { o.Option } : [o.Option, o.Value])];

    /// <summary>This command line with <paramref name="option"/> set (replaced or appended).</summary>
    public CommandLine With(string option, string? value) =>
        new(words, _options.Any(o => o.Option == option) ? [.. _options.Select(o => o.Option == option ? (option, value) : o)] : [.. _options, (option, value)]);

    /// <summary>This command line without <paramref name="option"/>.</summary>
    public CommandLine Without(string option) => new(words, [.. _options.Where(o => o.Option != option)]);

    /// <summary>This command line with raw extra tokens appended.</summary>
    public string[] Plus(params string[] extra) => [.. Args(), .. extra];
}
