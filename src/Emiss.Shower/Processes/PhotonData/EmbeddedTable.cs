using System.Globalization;

namespace Emiss.Shower.Processes.PhotonData;

/// <summary>Reads the numeric CSV tables embedded from src/Emiss.Shower/Data (comment lines start with '#', one header
/// row, then numbers), grouped by the atomic number in the first column.</summary>
internal static class EmbeddedTable
{
    /// <summary>Rows of <paramref name="fileName"/> grouped by Z (column 0), other columns as doubles, in file order.</summary>
    public static Dictionary<int, List<double[]>> ReadByZ(string fileName)
    {
        string resource = "Emiss.Shower.Data." + fileName;
        using Stream s = typeof(EmbeddedTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded table {resource} is missing from Emiss.Shower");
        using var reader = new StreamReader(s);
        var byZ = new Dictionary<int, List<double[]>>();
        bool header = true;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header) { header = false; continue; }
            string[] f = line.Split(',');
            int z = int.Parse(f[0], CultureInfo.InvariantCulture);
            var values = new double[f.Length - 1];
            for (int i = 1; i < f.Length; i++) values[i - 1] = double.Parse(f[i], CultureInfo.InvariantCulture);
            if (!byZ.TryGetValue(z, out List<double[]>? rows)) byZ[z] = rows = [];
            rows.Add(values);
        }
        return byZ;
    }
}
