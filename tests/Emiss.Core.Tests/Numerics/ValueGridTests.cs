using Emiss.Core.Numerics;
using Xunit;

namespace Emiss.Core.Tests.Numerics;

public class ValueGridTests
{
    [Fact]
    public void Parses_lists_and_log_ranges()
    {
        Assert.Equal(new[] { 1.0, 10.0, 100.0 }, ValueGrid.Parse("1,10,100", "--mass-MeV"));
        double[] g = ValueGrid.Parse("1:1000:log4", "--mass-MeV");
        Assert.Equal(4, g.Length);
        Assert.Equal(1.0, g[0]);
        Assert.Equal(10.0, g[1], 12);
        Assert.Equal(100.0, g[2], 10);
        Assert.Equal(1000.0, g[3]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1:10")]
    [InlineData("0:10:log5")]
    [InlineData("10:1:log5")]
    [InlineData("1:10:cubic5")]
    public void Rejects_bad_grids_naming_the_field(string text)
    {
        var ex = Assert.Throws<FormatException>(() => ValueGrid.Parse(text, "--mass-MeV"));
        Assert.StartsWith("--mass-MeV", ex.Message, StringComparison.Ordinal);
    }
}
