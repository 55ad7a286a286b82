using YamlDotNet.RepresentationModel;

namespace Emiss.Reporting.HepData;

/// <summary>One table of a HEPData submission: its entry in submission.yaml and its data file.</summary>
/// <param name="File">Data file name, e.g. "limit.yaml".</param>
/// <param name="Name">Table name.</param>
/// <param name="Description">What the table holds.</param>
/// <param name="Observable">HEPData observable keyword, e.g. "EPSILON".</param>
/// <param name="Reaction">HEPData reaction keyword, e.g. "E- NUCLEUS --> E- NUCLEUS A'".</param>
/// <param name="Data">The independent and dependent variables.</param>
public sealed record HepDataTable(string File, string Name, string Description, string Observable, string Reaction, YamlMappingNode Data);
