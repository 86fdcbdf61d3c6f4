"""What the petition services refuse, with the Vietnamese message for the person concerned."""

from portal.core.steps import ActionRefused


class PetitionInvalid(Exception):
    """Bad input: Vietnamese messages per field ("__all__" for the form as a whole)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class PetitionRateLimited(Exception):
    pass


class PetitionChallenge(PetitionInvalid):
    """The question after repeated attempts is missing or wrongly answered."""


class PetitionActionError(ActionRefused):
    """A handling step that is not possible now (wrong status, missing reason…), in Vietnamese."""
