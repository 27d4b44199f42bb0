"""Reading and checking the configuration file and the waiver file (TOML, checked with pydantic).

Every problem is reported with the file and the key at fault, all problems of a file at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..core.diagnostics import Severity
from ..core.errors import SettingsError
from ..core.regular import NotRegularFileError, open_regular
from .policy import selector_problem
from .waivers import Waiver


@dataclass(frozen=True)
class FileSettings:
    """What a configuration file sets (None: not set)."""

    source: Path
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity | None = None
    lang: str | None = None
    waivers: Path | None = None  # relative to the configuration file's folder, already joined



_PREFIX = "Value error, "


class _Problem(ValueError):
    """A value the settings refuse, explained in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def _check_selectors(values: list[str], ignoring: bool) -> list[str]:
    normalized = [value.strip().upper() for value in values]
    problems = [(value, problem) for value in normalized if (problem := selector_problem(value, ignoring))]
    if problems:
        raise _Problem(
            "；".join(f"{value}: {zh}" for value, (zh, _) in problems),
            "; ".join(f"{value}: {en}" for value, (_, en) in problems),
        )
    return normalized


class ConfigModel(BaseModel):
    """``reportgen.toml`` (or ``[tool.reportgen]``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    fail_on: Literal["error", "warning"] | None = Field(default=None, alias="fail-on")
    lang: Literal["zh", "en"] | None = None
    waivers: str | None = Field(default=None, min_length=1)

    @field_validator("select")
    @classmethod
    def _select(cls, values: list[str] | None) -> list[str] | None:
        return None if values is None else _check_selectors(values, ignoring=False)

    @field_validator("ignore")
    @classmethod
    def _ignore(cls, values: list[str] | None) -> list[str] | None:
        return None if values is None else _check_selectors(values, ignoring=True)

    @field_validator("severity")
    @classmethod
    def _severity(cls, values: dict[str, str]) -> dict[str, str]:
        return dict(zip(_check_selectors(list(values), ignoring=True), values.values(), strict=True))


class WaiverModel(BaseModel):
    """One ``[[waiver]]`` entry."""

    model_config = ConfigDict(extra="forbid")

    file: str = Field(min_length=1)
    rule: str
    cell: str | None = Field(default=None, min_length=1)
    reason: str

    @field_validator("rule")
    @classmethod
    def _rule(cls, value: str) -> str:
        value = value.strip().upper()
        problem = selector_problem(value, ignoring=True)
        if problem:
            raise _Problem(*problem)
        if len(value) == 1:
            raise _Problem(
                "请写一个规则代码（如 T303），不要写类别", "name one rule code, such as T303, not a family"
            )
        return value

    @field_validator("reason")
    @classmethod
    def _reason(cls, value: str) -> str:
        if not value.strip():
            raise _Problem("豁免需要写明理由", "a waiver needs a reason")
        return value.strip()


class WaiverFileModel(BaseModel):
    """A waiver file: a list of ``[[waiver]]`` tables."""

    model_config = ConfigDict(extra="forbid")

    waiver: list[WaiverModel] = Field(default_factory=list)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open_regular(path) as stream:
            return tomllib.load(stream)
    except FileNotFoundError:
        raise SettingsError(f"{path}：文件不存在", f"{path}: no such file") from None
    except NotRegularFileError:
        raise SettingsError(
            f"{path}：不是普通文件（管道、套接字或设备），未打开",
            f"{path}: not a regular file (a pipe, socket or device); not opened",
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise SettingsError(f"{path}：{reason}", f"{path}: {reason}") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}：TOML 语法错误：{error}", f"{path}: invalid TOML: {error}") from None


def _problems(path: Path, error: ValidationError, prefix: str) -> SettingsError:
    zh: list[str] = []
    en: list[str] = []
    for problem in error.errors():
        key = prefix
        for part in problem["loc"]:
            key += f" #{part + 1}" if isinstance(part, int) else (f".{part}" if key else str(part))
        key = key or "(top level)"
        cause = problem.get("ctx", {}).get("error")
        message = str(problem["msg"]).removeprefix(_PREFIX)
        zh.append(f"  {key}: {cause.zh if isinstance(cause, _Problem) else message}")
        en.append(f"  {key}: {message}")
    return SettingsError(
        f"{path}：配置有误：\n" + "\n".join(zh), f"{path}: invalid settings:\n" + "\n".join(en)
    )


def load_config(path: Path) -> FileSettings:
    """The settings of a ``reportgen.toml`` or of the ``[tool.reportgen]`` table of a ``pyproject.toml``."""
    data = _read_toml(path)
    prefix = ""
    if path.name == "pyproject.toml":
        prefix = "tool.reportgen"
        data = data.get("tool", {}).get("reportgen", {})
        if not isinstance(data, dict):
            raise SettingsError(f"{path}：{prefix} 应为表", f"{path}: {prefix}: must be a table")
    try:
        model = ConfigModel.model_validate(data)
    except ValidationError as error:
        raise _problems(path, error, prefix) from None
    folder = path.parent
    return FileSettings(
        source=path,
        select=tuple(model.select) if model.select is not None else None,
        ignore=tuple(model.ignore) if model.ignore is not None else None,
        severity=tuple((key, Severity(value)) for key, value in model.severity.items()),
        fail_on=Severity(model.fail_on) if model.fail_on else None,
        lang=model.lang,
        waivers=folder / model.waivers if model.waivers else None,
    )


def load_waivers(path: Path) -> tuple[Waiver, ...]:
    """The waivers of a waiver file; their ``file`` is relative to the waiver file's folder."""
    data = _read_toml(path)
    try:
        model = WaiverFileModel.model_validate(data)
    except ValidationError as error:
        raise _problems(path, error, "") from None
    return tuple(
        Waiver(entry.file, entry.rule, entry.cell, entry.reason, str(path), number)
        for number, entry in enumerate(model.waiver, start=1)
    )
