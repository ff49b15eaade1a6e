from sqlalchemy.ext.asyncio import AsyncSession

from services import clock
from storage.models import AuditLog


async def record(
    session: AsyncSession, action: str, obj_type: str, obj_id: object, *,
    actor_id: int | None = None, **details: object,
) -> None:
    """Keep who did what to which object, and when."""
    session.add(AuditLog(
        at=clock.now(), actor_id=actor_id, action=action, object_type=obj_type,
        object_id=str(obj_id), details=details,
    ))
