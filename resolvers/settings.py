"""settings, settingHistory and updateSettings (admin; validated, all or nothing, with history)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.permissions import IsAdmin, IsViewer
from api.threads import off_loop
from api.types.invalid_settings import InvalidSettings, SettingProblem
from api.types.results import UpdateSettingsResult
from api.types.setting_change import SettingChange
from api.types.settings import Settings
from api.types.settings_input import SettingsInput, settings_changes
from core.operational_settings import SettingsError
from resolvers.common import actor, clamp


@strawberry.type
class SettingsQueries:
    @strawberry.field(permission_classes=[IsViewer])
    async def settings(self) -> Settings:
        from store.settings import get_operational_settings

        return Settings.from_model(await off_loop(get_operational_settings, fresh=True))

    @strawberry.field(permission_classes=[IsViewer], description="Changes of one setting (snake_case key), newest first.")
    async def setting_history(self, key: str, first: int = 20) -> list[SettingChange]:
        from store.settings import setting_history

        return [SettingChange.from_model(c) for c in await off_loop(setting_history, key, clamp(first, 20, 200))]


@strawberry.type
class SettingsMutations:
    @strawberry.mutation(permission_classes=[IsAdmin])
    async def update_settings(self, info: Info, input: SettingsInput) -> UpdateSettingsResult:
        from store.settings import update_settings

        changes = settings_changes(input)
        if not changes:
            return InvalidSettings(problems=[SettingProblem(key="input", message="no setting given")],
                                   message="no setting given")
        try:
            updated = await off_loop(update_settings, changes, by=await actor(info))
        except SettingsError as exc:
            problems = [SettingProblem(key=key, message=message) for key, message in exc.problems.items()]
            return InvalidSettings(problems=problems, message=str(exc))
        return Settings.from_model(updated)


__all__ = ["SettingsMutations", "SettingsQueries"]
