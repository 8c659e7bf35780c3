#!/usr/bin/env python3
"""Reads Stryker's JSON report(s) and prints the score per file and the surviving mutants, for docs/testing.md.

    tests/mutation/summary.py artifacts/mutation/tiers/reports/mutation-report.json [--survivors]

Score = detected / (detected + undetected), as Stryker counts it: killed and timed-out mutants are detected; survived
and not-covered ones are not; compile errors and ignored mutants do not count. "adjusted" leaves out one equivalent
kind Stryker cannot be told to skip without losing the mutants around it: ConfigureAwait(false) -> ConfigureAwait(true),
which changes nothing where there is no synchronization context (ASP.NET Core, workers, tests)."""
import json, sys, collections

def main():
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--survivors" in sys.argv
    total = collections.Counter()
    for path in paths:
        report = json.load(open(path))
        for name, file in sorted(report["files"].items()):
            lines = file["source"].split("\n")
            def equivalent(m):
                line = lines[m["location"]["start"]["line"] - 1]
                return m["mutatorName"].startswith("Boolean") and "ConfigureAwait(false)" in line and line.count("false") == 1
            for m in file["mutants"]:
                if m["status"] in ("Survived", "NoCoverage") and equivalent(m):
                    m["status"] = "Equivalent"
            c = collections.Counter(m["status"] for m in file["mutants"])
            detected, undetected = c["Killed"] + c["Timeout"], c["Survived"] + c["NoCoverage"]
            total.update(c)
            if detected + undetected == 0:
                continue
            short = name.split("/src/")[-1]
            raw = 100 * detected / (detected + undetected + c["Equivalent"])
            print(f"{short:60} adjusted {100 * detected / (detected + undetected):6.1f}%  stryker {raw:6.1f}%  killed {c['Killed']:4} timeout {c['Timeout']:3} survived {c['Survived']:4} no-coverage {c['NoCoverage']:3} equivalent {c['Equivalent']:3}")
            if show:
                for m in sorted(file["mutants"], key=lambda m: m["location"]["start"]["line"]):
                    if m["status"] in ("Survived", "NoCoverage"):
                        line = m["location"]["start"]["line"]
                        print(f"    {m['status']:10} line {line:4} {m['mutatorName']}: {m.get('replacement', '')[:90]!r}   | {lines[line - 1].strip()[:100]}")
    detected, undetected = total["Killed"] + total["Timeout"], total["Survived"] + total["NoCoverage"]
    if detected + undetected:
        raw = 100 * detected / (detected + undetected + total["Equivalent"])
        print(f"{'TOTAL':60} adjusted {100 * detected / (detected + undetected):6.1f}%  stryker {raw:6.1f}%  killed {total['Killed']:4} timeout {total['Timeout']:3} survived {total['Survived']:4} no-coverage {total['NoCoverage']:3} equivalent {total['Equivalent']:3}")

if __name__ == "__main__":
    main()
