# ruff: noqa: E501  (data: one sentence per string, however long)
"""Held-out parallel stories (es -> en), written after the aligner's weights were set.

Same shape as ``pool.py``. These stories were never looked at while the aligner was being
developed on ``data/``; ``build.py --pool heldout`` turns them into ``data_heldout/``.
"""

from __future__ import annotations

Pair = tuple[str, ...]
Story = list[list[Pair]]

STORIES: dict[str, Story] = {
    "kherson-flood": [
        [
            (
                "La destrucción de la presa de Kajovka inundó el martes decenas de pueblos a orillas del Dniéper.",
                "The destruction of the Kakhovka dam on Tuesday flooded dozens of villages on the banks of the Dnieper.",
            ),
            (
                "Kiev y Moscú se acusaron mutuamente de haberla volado.",
                "Kyiv and Moscow accused each other of blowing it up.",
            ),
        ],
        [
            (
                "Unas 17.000 personas fueron evacuadas en la orilla controlada por Ucrania, según el gobernador regional.",
                "Some 17,000 people were evacuated on the Ukrainian-controlled bank, according to the regional governor.",
                "Some 17,000 people were evacuated on the Ukrainian-controlled bank.",
                "That was the figure given by the regional governor.",
            ),
            (
                "El agua alcanzó en algunos barrios de Jersón los tres metros de altura.",
                "In some districts of Kherson the water rose to a height of three metres.",
            ),
            (
                "Los rescatadores usaban barcas para sacar a los ancianos de los tejados.",
                "Rescuers used boats to take elderly people off the roofs.",
            ),
        ],
        [
            (
                "La ONU advirtió de que la catástrofe dejará sin agua potable a cientos de miles de personas.",
                "The UN warned that the disaster will leave hundreds of thousands of people without drinking water.",
            ),
            (
                "También preocupa la central nuclear de Zaporiyia, que se refrigera con agua del embalse.",
                "There is also concern about the Zaporizhzhia nuclear plant, which is cooled with water from the reservoir.",
            ),
            (
                "El Organismo Internacional de Energía Atómica aseguró que no hay un riesgo inmediato.",
                "The International Atomic Energy Agency said there was no immediate risk.",
            ),
        ],
        [
            (
                "¿Quién pagará la reconstrucción?",
                "Who will pay for the reconstruction?",
            ),
            (
                "El Gobierno ucraniano calcula los daños en más de 1.200 millones de euros.",
                "The Ukrainian government puts the damage at more than 1.2 billion euros.",
            ),
        ],
    ],
    "rohingya-boats": [
        [
            (
                "Más de 400 refugiados rohinyás llegaron el domingo en dos barcos de madera a la provincia indonesia de Aceh.",
                "More than 400 Rohingya refugees arrived on Sunday in two wooden boats in Indonesia's Aceh province.",
            ),
        ],
        [
            (
                "Habían pasado casi un mes en el mar después de zarpar de los campos de Cox's Bazar, en Bangladés.",
                "They had spent almost a month at sea after setting off from the camps in Cox's Bazar, Bangladesh.",
            ),
            (
                "Muchos estaban deshidratados y varios niños tuvieron que ser hospitalizados.",
                "Many were dehydrated and several children had to be taken to hospital.",
            ),
        ],
        [
            (
                "Los pescadores de la zona les dieron agua y comida, pero algunos vecinos pidieron que no se les dejara desembarcar.",
                "Local fishermen gave them water and food, but some residents demanded that they not be allowed to land.",
            ),
            (
                "El ACNUR pidió a los países de la región que compartan la responsabilidad.",
                "UNHCR asked the countries of the region to share responsibility.",
            ),
        ],
        [
            (
                "Cerca de un millón de rohinyás viven en los campos de Bangladés desde que huyeron de Myanmar en 2017.",
                "Nearly a million Rohingya have been living in the Bangladesh camps since they fled Myanmar in 2017.",
            ),
            (
                "Los recortes de la ayuda internacional han reducido sus raciones a ocho dólares al mes.",
                "Cuts in international aid have reduced their rations to eight dollars a month.",
            ),
            (
                "“Aquí no tenemos futuro”, dijo uno de los pasajeros a la agencia.",
                "“We have no future here,” one of the passengers told the agency.",
            ),
        ],
    ],
    "drc-goma": [
        [
            (
                "Los rebeldes del M23 afirmaron el lunes haber tomado el control de Goma, la mayor ciudad del este de la República Democrática del Congo.",
                "M23 rebels said on Monday they had taken control of Goma, the largest city in the east of the Democratic Republic of Congo.",
            ),
            (
                "Kinsasa acusa a Ruanda de apoyar a los insurgentes con miles de soldados.",
                "Kinshasa accuses Rwanda of backing the insurgents with thousands of soldiers.",
            ),
        ],
        [
            (
                "Los combates en la ciudad dejaron al menos 700 muertos y 2.800 heridos, según la ONU.",
                "The fighting in the city left at least 700 dead and 2,800 wounded, according to the UN.",
            ),
            (
                "Los hospitales están desbordados y faltan medicamentos.",
                "Hospitals are overwhelmed and medicines are running short.",
            ),
        ],
        [
            (
                "La misión de paz de la ONU, la MONUSCO, perdió a 13 cascos azules en los enfrentamientos.",
                "The UN peacekeeping mission, MONUSCO, lost 13 peacekeepers in the clashes.",
            ),
            (
                "Sudáfrica, que aportó buena parte de ellos, pidió explicaciones a Kigali.",
                "South Africa, which provided many of them, demanded explanations from Kigali.",
            ),
            (
                "Ruanda niega cualquier implicación en el conflicto.",
                "Rwanda denies any involvement in the conflict.",
            ),
        ],
        [
            (
                "El aeropuerto de Goma permanece cerrado y la ayuda humanitaria no puede llegar.",
                "Goma airport remains closed and humanitarian aid cannot get through.",
            ),
        ],
    ],
    "pakistan-floods": [
        [
            (
                "Las lluvias monzónicas han causado la muerte de 1.136 personas en Pakistán desde mediados de junio.",
                "Monsoon rains have killed 1,136 people in Pakistan since mid-June.",
            ),
            (
                "Un tercio del país está bajo el agua, según la ministra de Cambio Climático, Sherry Rehman.",
                "A third of the country is under water, according to Climate Change Minister Sherry Rehman.",
            ),
        ],
        [
            (
                "Las inundaciones han destruido más de un millón de viviendas y 3.000 kilómetros de carreteras.",
                "The floods have destroyed more than a million homes and 3,000 kilometres of roads.",
                "The floods have destroyed more than a million homes.",
                "They have also washed away 3,000 kilometres of roads.",
            ),
            (
                "En la provincia de Sind, los campos de algodón y arroz han quedado arrasados.",
                "In Sindh province, cotton and rice fields have been wiped out.",
            ),
        ],
        [
            (
                "El Gobierno calcula las pérdidas en unos 10.000 millones de dólares.",
                "The government estimates the losses at around 10 billion dollars.",
            ),
            (
                "El secretario general de la ONU, António Guterres, habló de “un monzón con esteroides”.",
                "UN Secretary-General António Guterres spoke of “a monsoon on steroids”.",
            ),
            (
                "Pakistán emite menos del 1 % de los gases de efecto invernadero del planeta.",
                "Pakistan emits less than 1% of the planet's greenhouse gases.",
            ),
        ],
        [
            (
                "Las autoridades sanitarias temen ahora brotes de cólera y dengue en los campamentos.",
                "Health authorities now fear outbreaks of cholera and dengue in the camps.",
            ),
        ],
    ],
    "armenia-karabakh": [
        [
            (
                "Más de 100.000 armenios han abandonado Nagorno Karabaj en una semana, tras la ofensiva relámpago de Azerbaiyán.",
                "More than 100,000 Armenians have left Nagorno-Karabakh in a week, after Azerbaijan's lightning offensive.",
            ),
        ],
        [
            (
                "La única carretera hacia Armenia, el corredor de Lachín, está colapsada por los coches.",
                "The only road to Armenia, the Lachin corridor, is jammed with cars.",
            ),
            (
                "Algunas familias han tardado más de 30 horas en recorrer 80 kilómetros.",
                "Some families have taken more than 30 hours to travel 80 kilometres.",
            ),
        ],
        [
            (
                "Una explosión en un depósito de combustible cerca de Stepanakert mató a 170 personas el lunes.",
                "An explosion at a fuel depot near Stepanakert killed 170 people on Monday.",
            ),
            (
                "Muchos de los heridos esperaban para llenar el depósito antes de huir.",
                "Many of the injured were waiting to fill their tanks before fleeing.",
            ),
        ],
        [
            (
                "El primer ministro armenio, Nikol Pashinián, acusó a Bakú de “limpieza étnica”.",
                "Armenian Prime Minister Nikol Pashinyan accused Baku of “ethnic cleansing”.",
            ),
            (
                "Azerbaiyán asegura que los derechos de los armenios serán respetados.",
                "Azerbaijan says the rights of Armenians will be respected.",
            ),
            (
                "Rusia, que tenía 2.000 soldados de paz en la región, no intervino.",
                "Russia, which had 2,000 peacekeepers in the region, did not intervene.",
            ),
        ],
    ],
    "somalia-drought": [
        [
            (
                "La sequía más larga en cuatro décadas amenaza con provocar una hambruna en el sur de Somalia.",
                "The longest drought in four decades threatens to cause a famine in southern Somalia.",
            ),
            (
                "Cinco temporadas de lluvias seguidas han fallado.",
                "Five rainy seasons in a row have failed.",
            ),
        ],
        [
            (
                "Unos 7,8 millones de personas, casi la mitad de la población, necesitan ayuda urgente.",
                "Some 7.8 million people, almost half the population, need urgent help.",
            ),
            (
                "Más de 3 millones de cabezas de ganado han muerto, según la FAO.",
                "More than 3 million head of livestock have died, according to the FAO.",
            ),
        ],
        [
            (
                "En los campos de desplazados de Baidoa llegan cada día cientos de familias.",
                "Hundreds of families arrive every day in the displacement camps of Baidoa.",
            ),
            (
                "Los médicos atienden a niños con desnutrición aguda en tiendas de campaña.",
                "Doctors treat children with acute malnutrition in tents.",
            ),
            (
                "El grupo yihadista Al Shabab impide el acceso de la ayuda a las zonas que controla.",
                "The jihadist group Al-Shabaab blocks aid from reaching the areas it controls.",
            ),
        ],
        [
            (
                "La ONU ha recibido menos de la mitad de los 2.200 millones de dólares que pidió para este año.",
                "The UN has received less than half of the 2.2 billion dollars it requested for this year.",
            ),
        ],
    ],
}

EXTRA_EN: list[str] = [
    "The report did not say how the figures had been compiled.",
    "Officials declined to comment on the reports.",
    "The situation remains tense, witnesses said.",
]

EXTRA_ES: list[str] = [
    "Los funcionarios declinaron hacer comentarios.",
    "La situación sigue siendo tensa, según testigos.",
]
