using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Emiss.Core.Text;

namespace Emiss.Cli.Commands;

/// <summary>
/// Turns System.CommandLine's parse errors into the CLI's one-line contract
/// <c>emiss: error: &lt;option&gt;: &lt;problem&gt;; see 'emiss verb --help'</c>: the field first, no .NET type names,
/// no help dump. Only the first error is reported: later ones are usually consequences of it (an unknown option's
/// value is itself an unmatched token).
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>The one line for the first error of <paramref name="parse"/>.</summary>
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        Command command = parse.CommandResult.Command;
        for (SymbolResult? r = parse.CommandResult; r is CommandResult c && c.Command is not RootCommand; r = c.Parent) names.Insert(0, c.Command.Name);
        string help = string.Join(' ', ["emiss", .. names, "--help"]);
        // An unknown verb also makes the root report "required command was not provided": name the verb instead.
        ParseError first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
        return $"emiss: error: {Problem(first, command, names.Count == 0)}; see '{help}'";
    }

    private static string Problem(ParseError error, Command command, bool atRoot)
    {
        string m = error.Message.TrimEnd('.');
        if (Unrecognized().Match(m) is { Success: true } u)
        {
            string token = u.Groups[1].Value;
            if (!token.StartsWith('-') && (atRoot || command.Subcommands.Count > 0))
            {
                var verbs = command.Subcommands.Select(c => c.Name).ToList();
                string? close = NameSuggestions.Closest(token, verbs);
                return $"'{token}': unknown command" + (close is null ? "" : $" (did you mean '{close}'?)") + $"; commands: {string.Join(", ", verbs)}";
            }
            if (token == "--shard" || token.StartsWith("--shard=", StringComparison.Ordinal))
                return $"--shard: '{command.Name}' cannot be sharded (only {string.Join(", ", Batch.ShardedCommand.Verbs)} take --shard)";
            if (token.StartsWith('-'))
            {
                var options = command.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
                string? close = NameSuggestions.Closest(token, options);
                return $"{token}: unknown option" + (close is null ? "" : $" (did you mean '{close}'?)");
            }
            return $"'{token}': unexpected argument (every value belongs to an option, e.g. --events 100)";
        }
        if (Required().Match(m) is { Success: true } req) return $"{req.Groups[1].Value}: required option is missing";
        if (MissingValue().Match(m) is { Success: true } mv) return $"{mv.Groups[1].Value}: needs a value";
        if (CannotParse().Match(m) is { Success: true } cp)
            return $"{cp.Groups[2].Value}: '{cp.Groups[1].Value}' is not {Kind(cp.Groups[3].Value)}";
        if (m.StartsWith("Required command was not provided", StringComparison.Ordinal))
            return $"{command.Name}: a subcommand is required ({string.Join(", ", command.Subcommands.Select(c => c.Name))})";
        // Custom parsers already write "--option: problem"; anything else is shown as it is, minus type names.
        return TypeName().Replace(m, "a value of the right kind");
    }

    private static string Kind(string typeName) => typeName switch
    {
        "System.Boolean" => "true or false",
        _ => "a valid value",
    };

    [GeneratedRegex("^Unrecognized command or argument '(.*)'$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex("^Option '(.*)' is required$")]
    private static partial Regex Required();

    [GeneratedRegex("^Required argument missing for option: '(.*)'$")]
    private static partial Regex MissingValue();

    [GeneratedRegex("^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"'?System\.[A-Za-z0-9_.`\[\]]+'?")]
    private static partial Regex TypeName();
}
