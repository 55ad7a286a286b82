// Independent reader for Emiss's HepMC3 output: reads an Asciiv3 file with the HepMC3 C++ library's own
// ReaderAscii (Buckley et al., Comput. Phys. Commun. 260 (2021) 107310) and checks every vertex for
// four-momentum conservation, sum over incoming minus sum over outgoing, component by component:
//
//     |Δp_μ| ≤ rel_tol · Σ_in E   (GeV; default rel_tol = 1e-10)
//
// Emiss writes %.16e (17 significant digits), so a conserving vertex of a few particles closes to ~1e-15 of
// its energy after parsing; 1e-10 leaves room for the library's arithmetic and is still ~1e-7 of the smallest
// physical imbalance it must catch (an MeV-scale energy loss in a 100 GeV event).
// Also checked: every vertex has incoming and outgoing particles, each event carries one weight per run weight
// name, and (with --expect-events) the number of events read. The summary also gives the sum of the first weight.
//
// Usage: hepmc3_check FILE [--expect-events N] [--rel-tol X]
// Prints one summary line "hepmc3_check: events=… vertices=… particles=… violations=… max_rel=… …" and exits
// 0 when everything holds, 1 on a violation, 2 on a usage or read error.
#include <HepMC3/GenEvent.h>
#include <HepMC3/GenParticle.h>
#include <HepMC3/GenRunInfo.h>
#include <HepMC3/GenVertex.h>
#include <HepMC3/ReaderAscii.h>
#include <HepMC3/Version.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--expect-events N] [--rel-tol X]\n", argv[0]);
        return 2;
    }
    std::string path = argv[1];
    long expectEvents = -1;
    double relTol = 1e-10;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--expect-events" && i + 1 < argc) expectEvents = std::atol(argv[++i]);
        else if (a == "--rel-tol" && i + 1 < argc) relTol = std::atof(argv[++i]);
        else { std::fprintf(stderr, "hepmc3_check: unknown argument '%s'\n", a.c_str()); return 2; }
    }
    if (!std::ifstream(path).good()) { std::fprintf(stderr, "hepmc3_check: cannot open %s\n", path.c_str()); return 2; }

    HepMC3::ReaderAscii reader(path);
    long events = 0, vertices = 0, particles = 0, violations = 0, structural = 0;
    double maxRel = 0.0, maxAbs = 0.0, weightSum = 0.0;
    std::map<int, long> finalPdg;
    for (;;) {
        HepMC3::GenEvent evt(HepMC3::Units::GEV, HepMC3::Units::MM);
        if (!reader.read_event(evt) || reader.failed()) break;
        evt.set_units(HepMC3::Units::GEV, HepMC3::Units::MM);
        ++events;
        particles += static_cast<long>(evt.particles().size());
        size_t names = evt.run_info() ? evt.run_info()->weight_names().size() : 0;
        if (evt.weights().size() != names) {
            ++structural;
            std::fprintf(stderr, "event %d: %zu weights, run declares %zu names\n", evt.event_number(), evt.weights().size(), names);
        }
        if (!evt.weights().empty()) weightSum += evt.weights()[0];
        for (const auto& p : evt.particles())
            if (p->status() == 1) ++finalPdg[p->pid()];
        for (const auto& v : evt.vertices()) {
            ++vertices;
            if (v->particles_in().empty() || v->particles_out().empty()) {
                ++structural;
                std::fprintf(stderr, "event %d vertex %d: %zu incoming, %zu outgoing\n", evt.event_number(), v->id(),
                             v->particles_in().size(), v->particles_out().size());
                continue;
            }
            double in[4] = {0, 0, 0, 0}, out[4] = {0, 0, 0, 0};
            for (const auto& p : v->particles_in()) {
                const HepMC3::FourVector& m = p->momentum();
                in[0] += m.px(); in[1] += m.py(); in[2] += m.pz(); in[3] += m.e();
            }
            for (const auto& p : v->particles_out()) {
                const HepMC3::FourVector& m = p->momentum();
                out[0] += m.px(); out[1] += m.py(); out[2] += m.pz(); out[3] += m.e();
            }
            double worst = 0.0;
            for (int k = 0; k < 4; ++k) worst = std::fmax(worst, std::fabs(in[k] - out[k]));
            double scale = std::fabs(in[3]);
            double rel = scale > 0 ? worst / scale : worst;
            maxAbs = std::fmax(maxAbs, worst);
            maxRel = std::fmax(maxRel, rel);
            if (!(worst <= relTol * scale)) {
                if (violations < 10)
                    std::fprintf(stderr,
                                 "event %d vertex %d: in (%.9g, %.9g, %.9g, %.9g) GeV, out (%.9g, %.9g, %.9g, %.9g) GeV, |dp| %.3g GeV\n",
                                 evt.event_number(), v->id(), in[0], in[1], in[2], in[3], out[0], out[1], out[2], out[3], worst);
                ++violations;
            }
        }
    }
    std::printf("hepmc3_check: HepMC3 %s ReaderAscii, file %s: events=%ld vertices=%ld particles=%ld violations=%ld structural=%ld "
                "max_abs_gev=%.3e max_rel=%.3e rel_tol=%.1e weight_sum=%.17g final_state_pdg=",
                HEPMC3_VERSION, path.c_str(), events, vertices, particles, violations, structural, maxAbs, maxRel, relTol, weightSum);
    bool first = true;
    for (const auto& kv : finalPdg) { std::printf("%s%d:%ld", first ? "" : ",", kv.first, kv.second); first = false; }
    std::printf("\n");
    if (expectEvents >= 0 && events != expectEvents) {
        std::fprintf(stderr, "hepmc3_check: read %ld events, expected %ld\n", events, expectEvents);
        return 1;
    }
    if (events == 0) { std::fprintf(stderr, "hepmc3_check: no events read\n"); return 1; }
    return violations == 0 && structural == 0 ? 0 : 1;
}
