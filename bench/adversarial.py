#!/usr/bin/env python3
"""Writes one adversarial resplist project for bench/adversarial.sh.

    adversarial.py CASE N DIR

CASE is one of:
  wrong-ids    one file declaring N sections whose N work items all name sections that do not
               exist, each close to a declared one (every problem gets a "did you mean")
  duplicate-ids one file declaring N sections that all have the same id (every problem points
               back at the first, far above it)
  long-line    one file whose N work items are one inline array on a single line, each naming a
               section that does not exist (every problem is on the same line)
  titles       N duty boundaries over 10 departments whose titles differ in their last characters
  long-field   one work item whose note is N MB of text
  departments  N department files
  diff-renames a git repository whose second commit renames all N departments and edits half
  diff-items   a git repository whose second commit edits every one of N work items of one duty
"""

import os
import shutil
import subprocess
import sys

SITE = '[site]\ntitle = "测试县责任清单"\njurisdiction = "测试县"\n'
SECTION = '[[sections]]\nid = "{id}"\nname = "{name}"\nphone = "0000-6310 0001"\n\n'
DUTY = '[[duties]]\nid = "d01"\ntitle = "负责水污染防治。"\nbasis = ["三定方案"]\n'
ITEM = '\n  [[duties.items]]\n  text = "{text}"\n  section = "{section}"\n'
SERVICE = '\n[[services]]\nid = "v"\ntitle = "发布水质信息"\ncategory = "basic"\nsection = "wrfz"\n'


def department(name, items=("查处偷排污水。",)):
    text = f'name = "{name}"\n\n' + SECTION.format(id="wrfz", name="污染防治科") + DUTY
    for item in items:
        text += ITEM.format(text=item, section="wrfz")
    return text + SERVICE


def write(root, files):
    """The project's files, replacing its departments (a git repository in it stays)."""
    shutil.rmtree(os.path.join(root, "departments"), ignore_errors=True)
    os.makedirs(os.path.join(root, "departments"))
    with open(os.path.join(root, "resplist.toml"), "w") as f:
        f.write(SITE)
    for name, text in files.items():
        with open(os.path.join(root, "departments", name), "w") as f:
            f.write(text)


def git(root, *args):
    subprocess.run(["git", "-C", root, *args], check=True, capture_output=True)


def commit(root, message):
    git(root, "add", "-A")
    git(root, "-c", "user.name=bench", "-c", "user.email=bench@example.org",
        "commit", "-qm", message)


def main():
    case, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if case == "wrong-ids":
        text = 'name = "测试县局"\n\n'
        text += "".join(SECTION.format(id=f"s{j:06}", name=f"第{j}科") for j in range(n))
        text += DUTY + "".join(ITEM.format(text=f"第{j}项", section=f"x{j:06}") for j in range(n))
        write(root, {"a.toml": text})
    elif case == "duplicate-ids":
        text = 'name = "测试县局"\n\n'
        text += "".join(SECTION.format(id="wrfz", name=f"第{j}科") for j in range(n)) + DUTY
        write(root, {"a.toml": text + ITEM.format(text="查处。", section="wrfz") + SERVICE})
    elif case == "long-line":
        items = ", ".join(f'{{text = "第{j}项", section = "x{j:06}"}}' for j in range(n))
        text = 'name = "测试县局"\n\n' + SECTION.format(id="wrfz", name="科") + DUTY
        write(root, {"a.toml": text + f"items = [{items}]\n" + SERVICE})
    elif case == "titles":
        files = {}
        for i in range(10):
            text = department(f"测试县第{i}局")
            for j in range(i, n, 10):
                other = f"d{(i + 1) % 10}"
                text += (
                    f'\n[[boundaries]]\nid = "b{j:06}"\ntitle = "食品安全监管职责边界划分第{j:06}项"\n'
                    f'area = "食品安全"\nlead_duty = "负责食品安全监管。"\n\n'
                    f'  [[boundaries.partners]]\n  department = "{other}"\n  duty = "配合。"\n\n'
                    f'  [boundaries.case]\n  title = "食品安全案例第{j:06}项"\n  scenario = "假如。"\n\n'
                    f'    [[boundaries.case.steps]]\n    department = "d{i}"\n    action = "查处。"\n\n'
                    f'    [[boundaries.case.steps]]\n    department = "{other}"\n    action = "配合。"\n'
                )
            files[f"d{i}.toml"] = text
        write(root, files)
    elif case == "long-field":
        line = "查处偷排污水，核实排污口位置与排放量并依法处理。\n"
        note = line * (n * 1_000_000 // len(line.encode()))
        text = department("测试县局").replace(
            '  section = "wrfz"\n', f'  section = "wrfz"\n  note = """\n{note}"""\n', 1)
        write(root, {"a.toml": text})
    elif case == "departments":
        write(root, {f"d{i:06}.toml": department(f"测试县第{i}局") for i in range(n)})
    elif case == "diff-renames":
        write(root, {f"d{i:06}.toml": department(f"测试县第{i}局") for i in range(n)})
        git(root, "init", "-q")
        commit(root, "before")
        write(root, {f"e{i:06}.toml": department(f"测试县第{i}局", ["查处偷排污水。" if i % 2 else "新的事项。"])
                     for i in range(n)})
        commit(root, "after")
    elif case == "diff-items":
        write(root, {"a.toml": department("测试县局", [f"第{j}项：查处偷排污水。" for j in range(n)])})
        git(root, "init", "-q")
        commit(root, "before")
        write(root, {"a.toml": department("测试县局", [f"第{j}项：查处偷排的污水。" for j in range(n)])})
        commit(root, "after")
    else:
        sys.exit(f"unknown case {case}")


if __name__ == "__main__":
    main()
