#!/usr/bin/env python3
"""Solve Stackwise optimisation models with OR-tools CP-SAT and time it (the solver benchmark's peer).

    python3 Benchmarks/cpsat/solve.py FOLDER

FOLDER holds one subfolder per group (an instance size); each holds models as written by
`stackwise review --dump-model` (`RecommendationEngine.optimizationModel`), one JSON file per instance.
`stackwise-benchmarks` (BENCH_ONLY=solver) writes them and runs this script in the same run.

Each model becomes a CP-SAT model: one Boolean per option that is not excluded, exactly one option per decision,
each compatibility constraint as "if this option is chosen, the other decision takes one of the allowed options",
and the objective "maximise the sum of the chosen options' scores". The tie rule only picks among optimal
combinations, so it does not change the optimum and is not modelled.

What is timed: the wall time of the `CpSolver.solve(model)` call (one worker, default parameters otherwise),
measured with time.perf_counter, median of 5 solves after 1 warm-up solve, each with a fresh CpSolver. Interpreter
start-up, reading the JSON and building the CpModel are not timed. CP-SAT's own `wall_time` is reported too.

Checks: CP-SAT must prove optimality and its optimum must equal the model's `totalScore` (Stackwise's total), and
Stackwise's chosen combination must satisfy every constraint; any mismatch is printed on stderr and listed in the
output, and the exit status is 3.

Prints one JSON object on stdout:
    {"ortools": "9.x", "method": "...",
     "groups": {"<group>": {"instances": N, "median_ms": M, "internal_median_ms": W, "mismatches": ["..."]}}}
where median_ms is the median over the group's instances of each instance's median solve time.
"""

import json
import os
import statistics
import sys
import time

from ortools.sat.python import cp_model
import ortools

WARMUP = 1
RUNS = 5


def split_option_reference(reference, options_by_decision):
    """`decision.option` to (decision, option); ids may contain dots, so match known decisions."""
    for decision, options in options_by_decision.items():
        if reference.startswith(decision + ".") and reference[len(decision) + 1 :] in options:
            return decision, reference[len(decision) + 1 :]
    return None


def build(model):
    """The CP-SAT model and its option variables {(decision, option): BoolVar}."""
    cp = cp_model.CpModel()
    variables = {}
    options_by_decision = {}
    objective = []
    for decision in model["decisions"]:
        options_by_decision[decision["id"]] = {option["id"] for option in decision["options"]}
        chosen = []
        for option in decision["options"]:
            if option["excluded"]:
                continue
            variable = cp.new_bool_var(f'{decision["id"]}.{option["id"]}')
            variables[(decision["id"], option["id"])] = variable
            chosen.append(variable)
            if option["score"] != 0:
                objective.append(option["score"] * variable)
        cp.add_exactly_one(chosen)
    for constraint in model["constraints"]:
        source = split_option_reference(constraint["ifChosen"], options_by_decision)
        if source is None or source not in variables:
            continue  # an excluded option: never chosen, so the constraint never applies
        allowed = set(constraint["mustBeOneOf"])
        for option in options_by_decision.get(constraint["thenDecision"], ()):
            target = variables.get((constraint["thenDecision"], option))
            if target is not None and option not in allowed:
                cp.add_bool_or([variables[source].Not(), target.Not()])
    cp.maximize(sum(objective))
    return cp, options_by_decision


def check_stackwise_choice(model, options_by_decision):
    """Constraint violations in Stackwise's own chosen combination (empty when it is consistent)."""
    chosen = {d["id"]: d.get("chosen") for d in model["decisions"]}
    problems = []
    for constraint in model["constraints"]:
        source = split_option_reference(constraint["ifChosen"], options_by_decision)
        if source is None or chosen.get(source[0]) != source[1]:
            continue
        target = chosen.get(constraint["thenDecision"])
        if target is not None and target not in constraint["mustBeOneOf"]:
            problems.append(f'{constraint["ifChosen"]} with {constraint["thenDecision"]}.{target}')
    return problems


def solve_once(cp):
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    start = time.perf_counter()
    status = solver.solve(cp)
    elapsed = (time.perf_counter() - start) * 1000
    return status, solver, elapsed


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: solve.py FOLDER (one subfolder of model JSON files per group)", file=sys.stderr)
        return 2
    root = sys.argv[1]
    groups = {}
    failed = False
    for group in sorted(os.listdir(root)):
        folder = os.path.join(root, group)
        if not os.path.isdir(folder):
            continue
        times, internal, mismatches = [], [], []
        for name in sorted(f for f in os.listdir(folder) if f.endswith(".json")):
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                model = json.load(file)
            cp, options_by_decision = build(model)
            samples, internal_samples = [], []
            for run in range(WARMUP + RUNS):
                status, solver, elapsed = solve_once(cp)
                if run >= WARMUP:
                    samples.append(elapsed)
                    internal_samples.append(solver.wall_time * 1000)
            times.append(statistics.median(samples))
            internal.append(statistics.median(internal_samples))
            everything_chosen = all(d.get("chosen") is not None for d in model["decisions"])
            if status == cp_model.OPTIMAL:
                optimum = round(solver.objective_value)
                if not everything_chosen:
                    mismatches.append(f"{group}/{name}: CP-SAT found optimum {optimum}, Stackwise left decisions open")
                elif optimum != model["totalScore"]:
                    mismatches.append(
                        f'{group}/{name}: CP-SAT optimum {optimum}, Stackwise total {model["totalScore"]}'
                    )
            elif status == cp_model.INFEASIBLE:
                if everything_chosen:
                    mismatches.append(f"{group}/{name}: CP-SAT proves it infeasible, Stackwise chose everything")
            else:
                mismatches.append(f"{group}/{name}: CP-SAT ended with status {solver.status_name(status)}")
            for problem in check_stackwise_choice(model, options_by_decision):
                mismatches.append(f"{group}/{name}: Stackwise's choice violates a constraint: {problem}")
        for mismatch in mismatches:
            print(f"CP-SAT MISMATCH: {mismatch}", file=sys.stderr)
        failed = failed or bool(mismatches)
        if times:
            groups[group] = {
                "instances": len(times),
                "median_ms": statistics.median(times),
                "internal_median_ms": statistics.median(internal),
                "mismatches": mismatches,
            }
    print(
        json.dumps(
            {
                "ortools": ortools.__version__,
                "method": f"CpSolver.solve wall time, 1 worker, median of {RUNS} after {WARMUP} warm-up per instance",
                "groups": groups,
            }
        )
    )
    return 3 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
