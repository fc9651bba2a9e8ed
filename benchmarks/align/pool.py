"""Parallel news text written by the tqa team for the alignment benchmark (es -> en).

Sixteen short agency-style stories, paragraph by paragraph, one ``(es, en)`` pair per
sentence. A pair may carry a third item: the English sentence split in two, as a translator
might split it (used for 1-2 beads). ``EXTRA_EN`` / ``EXTRA_ES`` are sentences a translator
or an editor might add (used for 0-1 beads). The texts are the project's own; the events are
invented or paraphrased news-style and make no claim to be accurate reporting.
"""

# ruff: noqa: E501  (data: one sentence per string, however long)

from __future__ import annotations

Pair = tuple[str, ...]
Story = list[list[Pair]]

STORIES: dict[str, Story] = {
    "aleppo-offensive": [
        [
            (
                "Los rebeldes sirios entraron el viernes en los barrios del oeste de Alepo tras una ofensiva relámpago.",
                "Syrian rebels entered the western districts of Aleppo on Friday after a lightning offensive.",
            ),
            (
                "Es la primera vez desde 2016 que la oposición armada pisa la ciudad.",
                "It is the first time since 2016 that the armed opposition has set foot in the city.",
            ),
        ],
        [
            (
                "Según el Observatorio Sirio de Derechos Humanos, al menos 255 personas murieron en tres días de combates, entre ellas 24 civiles.",
                "According to the Syrian Observatory for Human Rights, at least 255 people were killed in three days of fighting, among them 24 civilians.",
                "According to the Syrian Observatory for Human Rights, at least 255 people were killed in three days of fighting.",
                "Among them were 24 civilians.",
            ),
            (
                "El ejército sirio reconoció que sus tropas se habían replegado para “reorganizar sus defensas”.",
                "The Syrian army acknowledged that its troops had pulled back to “reorganise their defences”.",
            ),
        ],
        [
            (
                "Miles de familias huyeron hacia el este de la ciudad durante la noche.",
                "Thousands of families fled towards the east of the city during the night.",
            ),
            (
                "Las carreteras hacia Hama quedaron bloqueadas por vehículos militares.",
                "The roads to Hama were blocked by military vehicles.",
            ),
            (
                "La ONU pidió a todas las partes que protejan a la población civil.",
                "The UN called on all parties to protect the civilian population.",
            ),
        ],
        [
            (
                "Rusia, principal aliado de Damasco, lanzó ataques aéreos contra posiciones rebeldes en la provincia de Idlib.",
                "Russia, Damascus's main ally, launched airstrikes on rebel positions in Idlib province.",
            ),
            (
                "Turquía, que apoya a varias facciones opositoras, pidió el fin inmediato de los bombardeos.",
                "Turkey, which backs several opposition factions, called for an immediate end to the bombing.",
            ),
        ],
    ],
    "gaza-aid": [
        [
            (
                "Un convoy de 40 camiones con ayuda humanitaria entró el martes en el norte de Gaza.",
                "A convoy of 40 trucks carrying humanitarian aid entered northern Gaza on Tuesday.",
            ),
            (
                "Era el primero en llegar a la zona en casi dos semanas.",
                "It was the first to reach the area in almost two weeks.",
            ),
        ],
        [
            (
                "El Programa Mundial de Alimentos advirtió de que la cantidad es “una gota en el océano”.",
                "The World Food Programme warned that the amount is “a drop in the ocean”.",
            ),
            (
                "Según la agencia, harían falta al menos 500 camiones diarios para cubrir las necesidades básicas de 2,2 millones de personas.",
                "According to the agency, at least 500 trucks a day would be needed to cover the basic needs of 2.2 million people.",
                "According to the agency, at least 500 trucks a day would be needed.",
                "That is what it takes to cover the basic needs of 2.2 million people.",
            ),
        ],
        [
            (
                "Los hospitales que siguen abiertos funcionan sin electricidad desde hace días.",
                "The hospitals that remain open have been running without electricity for days.",
            ),
            (
                "Los médicos operan a la luz de linternas y teléfonos móviles.",
                "Doctors operate by the light of torches and mobile phones.",
            ),
            (
                "“No tenemos anestesia ni antibióticos”, dijo un cirujano del hospital Al Awda.",
                "“We have no anaesthetic and no antibiotics,” said a surgeon at Al Awda hospital.",
            ),
        ],
        [
            (
                "Israel asegura que no limita la entrada de ayuda y culpa a la ONU de los retrasos en la distribución.",
                "Israel says it does not restrict the entry of aid and blames the UN for delays in distribution.",
            ),
            (
                "La ONU lo niega.",
                "The UN denies it.",
            ),
        ],
    ],
    "sudan-displacement": [
        [
            (
                "Más de 12 millones de personas han tenido que abandonar sus hogares en Sudán desde abril de 2023, según la Organización Internacional para las Migraciones.",
                "More than 12 million people have had to leave their homes in Sudan since April 2023, according to the International Organization for Migration.",
            ),
        ],
        [
            (
                "La guerra enfrenta al ejército regular con las Fuerzas de Apoyo Rápido, un grupo paramilitar.",
                "The war pits the regular army against the Rapid Support Forces, a paramilitary group.",
            ),
            (
                "Ninguno de los dos bandos ha aceptado las propuestas de alto el fuego presentadas en Yeda.",
                "Neither side has accepted the ceasefire proposals put forward in Jeddah.",
            ),
            (
                "Los combates se concentran ahora en Darfur y en los alrededores de Jartum.",
                "The fighting is now concentrated in Darfur and around Khartoum.",
            ),
        ],
        [
            (
                "En el campo de Zamzam, cerca de El Fasher, la hambruna ya ha sido declarada oficialmente.",
                "In the Zamzam camp, near El Fasher, famine has already been officially declared.",
            ),
            (
                "Médicos Sin Fronteras calcula que un niño muere allí cada dos horas.",
                "Doctors Without Borders estimates that a child dies there every two hours.",
            ),
        ],
        [
            (
                "Chad ha recibido a unos 600.000 refugiados sudaneses en el último año.",
                "Chad has taken in some 600,000 Sudanese refugees in the past year.",
            ),
            (
                "¿Cuánto tiempo más podrá resistir un país que ya era uno de los más pobres del mundo?",
                "How much longer can a country that was already one of the poorest in the world hold out?",
            ),
        ],
    ],
    "ukraine-energy": [
        [
            (
                "Rusia lanzó durante la noche 93 misiles y casi 200 drones contra la red eléctrica de Ucrania.",
                "Russia launched 93 missiles and nearly 200 drones overnight at Ukraine's power grid.",
            ),
            (
                "Fue uno de los mayores ataques desde el comienzo de la invasión.",
                "It was one of the largest attacks since the start of the invasion.",
            ),
        ],
        [
            (
                "El presidente Volodímir Zelenski afirmó que las defensas antiaéreas derribaron 81 misiles.",
                "President Volodymyr Zelensky said air defences shot down 81 missiles.",
            ),
            (
                "Aun así, varias centrales térmicas sufrieron daños graves y más de un millón de hogares se quedaron sin luz.",
                "Even so, several thermal power plants were badly damaged and more than a million homes were left without power.",
                "Even so, several thermal power plants were badly damaged.",
                "More than a million homes were left without power.",
            ),
        ],
        [
            (
                "En Kiev, los vecinos volvieron a refugiarse en las estaciones de metro.",
                "In Kyiv, residents once again took shelter in metro stations.",
            ),
            (
                "Las temperaturas rondaban los cinco grados bajo cero.",
                "Temperatures were around minus five degrees.",
            ),
        ],
        [
            (
                "La empresa estatal Ukrenergo anunció cortes programados de hasta ocho horas diarias.",
                "The state company Ukrenergo announced scheduled cuts of up to eight hours a day.",
            ),
            (
                "Polonia movilizó sus aviones de combate como medida de precaución.",
                "Poland scrambled its fighter jets as a precaution.",
            ),
            (
                "La OTAN no ha informado de ninguna violación de su espacio aéreo.",
                "NATO has not reported any violation of its airspace.",
            ),
        ],
    ],
    "lebanon-ceasefire": [
        [
            (
                "El alto el fuego entre Israel y Hizbulá entró en vigor el miércoles a las cuatro de la madrugada.",
                "The ceasefire between Israel and Hezbollah came into force on Wednesday at four in the morning.",
            ),
        ],
        [
            (
                "Miles de desplazados emprendieron enseguida el camino de regreso al sur del Líbano.",
                "Thousands of displaced people immediately set off on the road back to southern Lebanon.",
            ),
            (
                "El ejército israelí les advirtió de que no se acercaran todavía a sus pueblos.",
                "The Israeli army warned them not to approach their villages yet.",
            ),
        ],
        [
            (
                "El acuerdo prevé que las tropas israelíes se retiren en un plazo de 60 días.",
                "The agreement provides for Israeli troops to withdraw within 60 days.",
            ),
            (
                "El ejército libanés desplegará 5.000 soldados al sur del río Litani.",
                "The Lebanese army will deploy 5,000 soldiers south of the Litani river.",
            ),
            (
                "Estados Unidos y Francia supervisarán su cumplimiento.",
                "The United States and France will monitor compliance.",
            ),
        ],
        [
            (
                "Según el Ministerio de Sanidad libanés, más de 3.800 personas han muerto en el país desde octubre de 2023.",
                "According to the Lebanese Health Ministry, more than 3,800 people have been killed in the country since October 2023.",
            ),
            (
                "“Es un día de esperanza, pero también de duelo”, declaró el primer ministro Nayib Mikati.",
                "“It is a day of hope, but also of mourning,” said Prime Minister Najib Mikati.",
            ),
        ],
    ],
    "sahel-coup": [
        [
            (
                "La junta militar de Níger anunció el domingo la expulsión del embajador francés.",
                "Niger's military junta announced on Sunday the expulsion of the French ambassador.",
            ),
            (
                "Le dio un plazo de 48 horas para abandonar el país.",
                "It gave him 48 hours to leave the country.",
            ),
        ],
        [
            (
                "París respondió que no reconoce la autoridad de los golpistas.",
                "Paris replied that it does not recognise the authority of the coup leaders.",
            ),
            (
                "Unos 1.500 soldados franceses siguen desplegados en la base aérea de Niamey.",
                "Some 1,500 French soldiers remain deployed at the air base in Niamey.",
            ),
        ],
        [
            (
                "Los gobiernos militares de Malí y Burkina Faso expresaron su apoyo a Niamey.",
                "The military governments of Mali and Burkina Faso expressed their support for Niamey.",
            ),
            (
                "Advirtieron de que considerarían una intervención armada como una declaración de guerra.",
                "They warned that they would regard an armed intervention as a declaration of war.",
            ),
            (
                "La Comunidad Económica de Estados de África Occidental mantiene sus sanciones.",
                "The Economic Community of West African States is maintaining its sanctions.",
            ),
        ],
        [
            (
                "En las calles de Niamey, cientos de personas se manifestaron con banderas rusas.",
                "In the streets of Niamey, hundreds of people demonstrated with Russian flags.",
            ),
        ],
    ],
    "yemen-red-sea": [
        [
            (
                "Los hutíes de Yemen atacaron el lunes un buque mercante con bandera de Liberia en el mar Rojo.",
                "Yemen's Houthis attacked a Liberian-flagged merchant ship in the Red Sea on Monday.",
            ),
            (
                "El barco, que transportaba grano, sufrió un incendio a bordo que la tripulación logró controlar.",
                "The ship, which was carrying grain, suffered a fire on board that the crew managed to bring under control.",
            ),
        ],
        [
            (
                "Desde noviembre, el grupo ha atacado más de 100 barcos en la zona.",
                "Since November, the group has attacked more than 100 ships in the area.",
            ),
            (
                "Las grandes navieras desvían sus rutas por el cabo de Buena Esperanza, lo que alarga los viajes entre 10 y 14 días.",
                "The big shipping companies are diverting their routes around the Cape of Good Hope, which lengthens voyages by 10 to 14 days.",
                "The big shipping companies are diverting their routes around the Cape of Good Hope.",
                "This lengthens voyages by 10 to 14 days.",
            ),
        ],
        [
            (
                "El Pentágono confirmó que un destructor estadounidense derribó dos drones lanzados desde Saná.",
                "The Pentagon confirmed that a US destroyer shot down two drones launched from Sanaa.",
            ),
            (
                "Los hutíes afirman que actúan en solidaridad con los palestinos de Gaza.",
                "The Houthis say they are acting in solidarity with the Palestinians in Gaza.",
            ),
        ],
        [
            (
                "El precio de los seguros marítimos se ha triplicado desde diciembre.",
                "The price of maritime insurance has tripled since December.",
            ),
            (
                "Egipto calcula que los ingresos del canal de Suez han caído un 60 %.",
                "Egypt estimates that revenue from the Suez Canal has fallen by 60%.",
            ),
        ],
    ],
    "earthquake-turkey": [
        [
            (
                "Un terremoto de magnitud 7,8 sacudió el lunes de madrugada el sur de Turquía y el norte de Siria.",
                "A magnitude 7.8 earthquake struck southern Turkey and northern Syria in the early hours of Monday.",
            ),
            (
                "El epicentro se situó cerca de Gaziantep, a una profundidad de 17 kilómetros.",
                "The epicentre was near Gaziantep, at a depth of 17 kilometres.",
            ),
        ],
        [
            (
                "Las autoridades turcas elevaron el balance a 2.379 muertos al final del día.",
                "Turkish authorities raised the toll to 2,379 dead by the end of the day.",
            ),
            (
                "En Siria, el Gobierno y los Cascos Blancos contabilizaron otros 1.444 fallecidos.",
                "In Syria, the government and the White Helmets counted another 1,444 dead.",
            ),
        ],
        [
            (
                "Miles de edificios se derrumbaron en ciudades como Antioquía, Kahramanmaras y Malatya.",
                "Thousands of buildings collapsed in cities such as Antakya, Kahramanmaras and Malatya.",
            ),
            (
                "Los equipos de rescate trabajaban bajo la nieve y con temperaturas bajo cero.",
                "Rescue teams were working in the snow and in freezing temperatures.",
            ),
            (
                "“Oímos voces bajo los escombros, pero no tenemos máquinas”, contó un vecino de Hatay.",
                "“We hear voices under the rubble, but we have no machines,” a resident of Hatay said.",
            ),
        ],
        [
            (
                "Más de 45 países ofrecieron ayuda, entre ellos España, que envió a la Unidad Militar de Emergencias.",
                "More than 45 countries offered help, among them Spain, which sent its Military Emergencies Unit.",
                "More than 45 countries offered help.",
                "Among them was Spain, which sent its Military Emergencies Unit.",
            ),
        ],
    ],
    "colombia-peace": [
        [
            (
                "El Gobierno de Colombia y el Ejército de Liberación Nacional firmaron en La Habana un alto el fuego de seis meses.",
                "The Colombian government and the National Liberation Army signed a six-month ceasefire in Havana.",
            ),
        ],
        [
            (
                "El acuerdo entrará en vigor el 3 de agosto.",
                "The agreement will take effect on August 3.",
            ),
            (
                "Es el paso más importante en las negociaciones con el ELN desde que comenzaron en noviembre.",
                "It is the most important step in the negotiations with the ELN since they began in November.",
            ),
        ],
        [
            (
                "El presidente Gustavo Petro lo calificó de “histórico” durante la ceremonia.",
                "President Gustavo Petro described it as “historic” during the ceremony.",
            ),
            (
                "El comandante de la guerrilla, Antonio García, pidió que se mantengan los programas sociales en las regiones afectadas.",
                "The guerrilla commander, Antonio García, asked for social programmes in the affected regions to be maintained.",
            ),
        ],
        [
            (
                "La Misión de Verificación de la ONU supervisará el cese de hostilidades.",
                "The UN Verification Mission will monitor the cessation of hostilities.",
            ),
            (
                "Cuba y Noruega actúan como garantes del proceso.",
                "Cuba and Norway are acting as guarantors of the process.",
            ),
            (
                "Las víctimas del conflicto, que se prolonga desde hace casi 60 años, superan los nueve millones.",
                "The victims of the conflict, which has lasted almost 60 years, number more than nine million.",
            ),
        ],
    ],
    "migrants-mediterranean": [
        [
            (
                "Al menos 41 migrantes murieron en el naufragio de una embarcación frente a la isla italiana de Lampedusa.",
                "At least 41 migrants died when their boat sank off the Italian island of Lampedusa.",
            ),
        ],
        [
            (
                "Los cuatro supervivientes contaron que habían zarpado de Sfax, en Túnez, con 45 personas a bordo.",
                "The four survivors said they had set sail from Sfax, in Tunisia, with 45 people on board.",
            ),
            (
                "Entre los desaparecidos hay tres niños.",
                "Three children are among the missing.",
            ),
        ],
        [
            (
                "La Organización Internacional para las Migraciones registró más de 2.500 muertos en el Mediterráneo central el año pasado.",
                "The International Organization for Migration recorded more than 2,500 deaths in the central Mediterranean last year.",
            ),
            (
                "Es la ruta migratoria más mortífera del mundo.",
                "It is the deadliest migration route in the world.",
            ),
        ],
        [
            (
                "El Gobierno italiano volvió a pedir a la Unión Europea un reparto obligatorio de los solicitantes de asilo.",
                "The Italian government again asked the European Union for a mandatory distribution of asylum seekers.",
            ),
            (
                "Las ONG de rescate denuncian que las autoridades retrasan sus operaciones.",
                "Rescue NGOs complain that the authorities are delaying their operations.",
            ),
        ],
    ],
    "iran-sanctions": [
        [
            (
                "EE.UU. anunció el jueves nuevas sanciones contra 16 personas y dos empresas vinculadas al programa de drones de Irán.",
                "The US announced new sanctions on Thursday against 16 people and two companies linked to Iran's drone programme.",
            ),
        ],
        [
            (
                "Según el Departamento del Tesoro, los drones iraníes han sido utilizados por Rusia en Ucrania.",
                "According to the Treasury Department, Iranian drones have been used by Russia in Ukraine.",
            ),
            (
                "Teherán niega haber enviado armas a Moscú después del inicio de la invasión.",
                "Tehran denies having sent weapons to Moscow after the start of the invasion.",
            ),
        ],
        [
            (
                "El portavoz de la Cancillería iraní calificó las medidas de “ilegales e inútiles”.",
                "The Iranian Foreign Ministry spokesman called the measures “illegal and useless”.",
            ),
            (
                "La Unión Europea estudia un paquete similar que podría aprobarse en diciembre.",
                "The European Union is considering a similar package that could be approved in December.",
            ),
        ],
        [
            (
                "Las exportaciones de petróleo iraní alcanzaron en septiembre su nivel más alto en cinco años, con 1,9 millones de barriles diarios.",
                "Iranian oil exports reached their highest level in five years in September, at 1.9 million barrels a day.",
            ),
            (
                "La mayor parte se vende a refinerías independientes de China.",
                "Most of it is sold to independent refineries in China.",
            ),
        ],
    ],
    "myanmar-fighting": [
        [
            (
                "Una alianza de tres grupos armados étnicos tomó el control de la ciudad de Lashio, en el norte de Myanmar.",
                "An alliance of three ethnic armed groups took control of the town of Lashio in northern Myanmar.",
            ),
            (
                "Es la primera vez que la junta pierde la sede de un mando regional.",
                "It is the first time the junta has lost the headquarters of a regional command.",
            ),
        ],
        [
            (
                "Los combates han desplazado a más de 50.000 personas en el estado de Shan desde junio.",
                "The fighting has displaced more than 50,000 people in Shan state since June.",
            ),
            (
                "China, que comparte frontera con la región, pidió un alto el fuego inmediato.",
                "China, which shares a border with the region, called for an immediate ceasefire.",
            ),
        ],
        [
            (
                "El líder militar, Min Aung Hlaing, culpó a “potencias extranjeras” de la ofensiva.",
                "The military leader, Min Aung Hlaing, blamed “foreign powers” for the offensive.",
            ),
            (
                "La junta gobierna el país desde el golpe de Estado de febrero de 2021.",
                "The junta has ruled the country since the coup of February 2021.",
            ),
            (
                "Según Naciones Unidas, más de 2,6 millones de personas han huido de sus casas desde entonces.",
                "According to the United Nations, more than 2.6 million people have fled their homes since then.",
            ),
        ],
    ],
    "haiti-gangs": [
        [
            (
                "Las bandas armadas controlan ya cerca del 80 % de Puerto Príncipe, según la ONU.",
                "Armed gangs now control about 80% of Port-au-Prince, according to the UN.",
            ),
        ],
        [
            (
                "El primer contingente de la misión internacional liderada por Kenia llegó a la capital haitiana con 400 policías.",
                "The first contingent of the Kenyan-led international mission arrived in the Haitian capital with 400 police officers.",
            ),
            (
                "Su objetivo es recuperar el control del aeropuerto y del puerto.",
                "Its aim is to regain control of the airport and the port.",
            ),
        ],
        [
            (
                "La violencia ha dejado más de 3.000 muertos en lo que va de año.",
                "The violence has left more than 3,000 people dead so far this year.",
            ),
            (
                "Unas 580.000 personas viven desplazadas en escuelas, iglesias y campamentos improvisados.",
                "Some 580,000 people are living displaced in schools, churches and makeshift camps.",
            ),
        ],
        [
            (
                "¿Podrá la nueva misión tener éxito donde fracasaron las anteriores?",
                "Can the new mission succeed where the previous ones failed?",
            ),
            (
                "Muchos haitianos lo dudan.",
                "Many Haitians doubt it.",
            ),
        ],
    ],
    "wildfires-chile": [
        [
            (
                "Los incendios forestales en la región chilena de Valparaíso han dejado al menos 122 muertos.",
                "Wildfires in Chile's Valparaíso region have left at least 122 people dead.",
            ),
            (
                "El Sr. Boric decretó dos días de duelo nacional.",
                "Mr. Boric declared two days of national mourning.",
            ),
        ],
        [
            (
                "Las llamas arrasaron barrios enteros de Viña del Mar en pocas horas.",
                "The flames swept through entire neighbourhoods of Viña del Mar in a few hours.",
            ),
            (
                "Unas 14.000 viviendas resultaron dañadas, según el Ministerio del Interior.",
                "Some 14,000 homes were damaged, according to the Interior Ministry.",
            ),
        ],
        [
            (
                "La fiscalía investiga si algunos de los focos fueron provocados.",
                "Prosecutors are investigating whether some of the fires were started deliberately.",
            ),
            (
                "Las altas temperaturas, de hasta 40 grados, y el viento dificultaron las tareas de extinción.",
                "High temperatures of up to 40 degrees and the wind hampered firefighting efforts.",
            ),
        ],
        [
            (
                "Argentina, Perú y México enviaron brigadistas para ayudar a los bomberos chilenos.",
                "Argentina, Peru and Mexico sent crews to help Chilean firefighters.",
            ),
        ],
    ],
    "ethiopia-tigray": [
        [
            (
                "Dos años después del acuerdo de paz de Pretoria, el norte de Etiopía sigue sin recuperarse.",
                "Two years after the Pretoria peace agreement, northern Ethiopia has still not recovered.",
            ),
        ],
        [
            (
                "Cerca de un millón de desplazados de Tigray no han podido volver a sus casas.",
                "Nearly one million displaced people from Tigray have been unable to return home.",
            ),
            (
                "Muchos de ellos viven en campamentos cerca de Mekele.",
                "Many of them live in camps near Mekelle.",
            ),
            (
                "La ayuda alimentaria fue suspendida durante meses por casos de desvío.",
                "Food aid was suspended for months over cases of diversion.",
            ),
        ],
        [
            (
                "El Frente Popular de Liberación de Tigray está dividido entre dos facciones rivales.",
                "The Tigray People's Liberation Front is split between two rival factions.",
            ),
            (
                "Una de ellas acusa a la otra de negociar en secreto con Adís Abeba.",
                "One of them accuses the other of negotiating in secret with Addis Ababa.",
            ),
        ],
        [
            (
                "La guerra, entre 2020 y 2022, causó cientos de miles de muertos.",
                "The war, between 2020 and 2022, killed hundreds of thousands of people.",
            ),
        ],
    ],
    "elections-venezuela": [
        [
            (
                "El Consejo Nacional Electoral de Venezuela proclamó a Nicolás Maduro ganador de las elecciones con el 51,2 % de los votos.",
                "Venezuela's National Electoral Council proclaimed Nicolás Maduro the winner of the election with 51.2% of the vote.",
            ),
        ],
        [
            (
                "La oposición asegura que su candidato, Edmundo González, obtuvo más del 67 %.",
                "The opposition says its candidate, Edmundo González, won more than 67%.",
            ),
            (
                "Para demostrarlo, publicó en internet las copias de más del 80 % de las actas.",
                "To prove it, it published copies of more than 80% of the tally sheets online.",
            ),
        ],
        [
            (
                "Las protestas de los días siguientes dejaron al menos 24 muertos y más de 2.000 detenidos.",
                "The protests of the following days left at least 24 dead and more than 2,000 people detained.",
            ),
            (
                "Brasil, Colombia y México pidieron la publicación de los resultados mesa por mesa.",
                "Brazil, Colombia and Mexico called for the results to be published polling station by polling station.",
            ),
        ],
        [
            (
                "El Centro Carter, que observó los comicios, dijo que no cumplieron los estándares internacionales.",
                "The Carter Center, which observed the vote, said it did not meet international standards.",
            ),
            (
                "González se exilió en España en septiembre.",
                "González went into exile in Spain in September.",
            ),
        ],
    ],
}

EXTRA_EN: list[str] = [
    "The agency did not give further details.",
    "The information could not be independently verified.",
    "Reuters was unable to reach officials for comment.",
    "The region has been hit by repeated crises in recent years.",
    "Analysts expect the situation to worsen in the coming weeks.",
    "The figures are provisional and may rise.",
]

EXTRA_ES: list[str] = [
    "La agencia no dio más detalles.",
    "La información no pudo ser verificada de forma independiente.",
    "Los analistas prevén que la situación empeore en las próximas semanas.",
    "Las cifras son provisionales y podrían aumentar.",
]
