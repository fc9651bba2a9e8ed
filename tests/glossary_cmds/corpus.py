"""A tiny aligned es->en corpus shared by the extraction and CLI tests."""

from __future__ import annotations

# A tiny es->en corpus: an organisation with its acronym, a place, a phrase, filler.
CORPUS = [
    (
        "El Observatorio Sirio de Derechos Humanos (OSDH) contó diez muertos en Alepo.",
        "The Syrian Observatory for Human Rights (SOHR) counted ten dead in Aleppo.",
    ),
    (
        "Según el OSDH, el alto el fuego no se respeta.",
        "According to the SOHR, the ceasefire is not being respected.",
    ),
    (
        "El Observatorio Sirio de Derechos Humanos denunció nuevos ataques.",
        "The Syrian Observatory for Human Rights reported new attacks.",
    ),
    (
        "El alto el fuego terminó ayer en Alepo.",
        "The ceasefire ended yesterday in Aleppo.",
    ),
    (
        "La gente de Alepo pide comida.",
        "The people of Aleppo are asking for food.",
    ),
]
