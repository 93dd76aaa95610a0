"""What a run makes once and every document of it shares: each handout's translation,
each locale's interface words and fonts."""

from __future__ import annotations

from pathlib import Path

from handouts.document.compose import Language
from handouts.document.fonts import FontSet, font_set
from handouts.errors import HandoutsError, Problem
from handouts.i18n.catalogs import interface_template
from handouts.i18n.localize import Interface, LocalizedHandout, interface_for, localize
from handouts.i18n.messages import project_messages
from handouts.i18n.translate import catalog_files
from handouts.locales import language, script
from handouts.pipeline.policy import Policy
from handouts.project.brand import LoadedBrand
from handouts.project.loader import Project
from handouts.select.jobs import BuildJob


class Session:
    """Translations, interface words and fonts per locale, each made once per run."""

    def __init__(self, project: Project, policy: Policy = Policy()) -> None:
        self.project = project
        self.policy = policy
        self.files = catalog_files(project)
        self._handouts: dict[tuple[str, str], LocalizedHandout] = {}
        self._interfaces: dict[str, Interface] = {}
        self._wanted = interface_template(
            project.template_dirs(), project.root, "",
            project_messages(project.brands.values(), project.packs.values()))

    def handout(self, job: BuildJob) -> LocalizedHandout:
        key = (job.handout.id, job.locale)
        if key not in self._handouts:
            self._handouts[key] = localize(job.handout, job.locale, self.files,
                                           self.policy.allow_draft)
        return self._handouts[key]

    def interface(self, locale: str) -> Interface:
        if locale not in self._interfaces:
            self._interfaces[locale] = interface_for(locale, self.files, self._wanted,
                                                     self.policy.allow_draft)
        return self._interfaces[locale]

    def fonts(self, locale: str) -> FontSet:
        """The fonts of handouts.yaml for the locale (fa, ur-IN), else its language (ur),
        else its script (Arab), or an error at the config's line."""
        fonts = self.project.config.fonts
        code = next((key for key in (locale, language(locale), script(locale))
                     if key in fonts), script(locale))
        family = fonts.get(code)
        doc = self.project.config_doc
        if family is None:
            raise HandoutsError([Problem(
                f"no font is set for the script '{code}', which locale '{locale}' is "
                "written in", file=doc.path, key="fonts",
                hint=f"add a fontpkg family with static faces under 'fonts:' in "
                     f"handouts.yaml, e.g. '{code}: <family>'")])
        try:
            return font_set(family)
        except HandoutsError as exc:
            raise HandoutsError([doc.problem(("fonts", code), p.message, p.hint)
                                 for p in exc.problems]) from None

    def language(self, locale: str) -> Language:
        return Language(locale, self.interface(locale), self.fonts(locale))

    def search_path(self, brand: LoadedBrand) -> list[Path]:
        """A brand's own templates first, then the project's."""
        return [p for p in (brand.templates_path, self.project.templates_dir)
                if p is not None]
