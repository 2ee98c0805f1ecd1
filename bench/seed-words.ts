// Vocabulary of the seeded datasets: a few hundred words combined into titles, descriptions and keywords.
// RARE_WORD appears in 1% of the titles (the "common search" case), SINGLE_WORD in exactly one. Neither is a
// substring of any other word, so a `contains` search finds exactly those rows.
export const RARE_WORD = "zephyrine";
export const SINGLE_WORD = "quetzalcoatlus";

export const QUALIFIERS = (
  "annual monthly weekly daily hourly historical current provisional final consolidated regional municipal " +
  "national local public private urban rural coastal seasonal quarterly estimated observed projected average " +
  "total median registered licensed certified open archived updated revised détaillé communal départemental " +
  "intercommunal métropolitain régional historique quotidien mensuel annuel"
).split(" ");

export const TOPICS = (
  "air quality traffic counts parking spaces bicycle lanes bus stops tram lines train stations taxi ranks " +
  "population census births deaths marriages households income unemployment employment companies shops " +
  "markets restaurants hotels tourism museums libraries schools colleges universities students teachers " +
  "hospitals pharmacies doctors clinics vaccinations emergencies accidents crimes fires floods earthquakes " +
  "weather temperature rainfall snowfall wind humidity pollution noise water consumption electricity gas " +
  "energy solar panels wind turbines recycling waste collection containers street lights trees parks gardens " +
  "playgrounds sports facilities swimming pools stadiums events festivals concerts elections votes budget " +
  "expenses revenues taxes subsidies grants contracts tenders procurement buildings permits housing rents " +
  "prices land use cadastre addresses streets roads bridges tunnels sidewalks roadworks speed cameras " +
  "fountains toilets benches wifi hotspots charging points car sharing scooters footfall visitors " +
  "qualité énergie données déchets arbres espaces verts équipements élus délibérations subventions " +
  "marchés transports écoles crèches logements collèges lycées bibliothèques musées piscines"
).split(" ");

export const PLACES = (
  "Paris Lyon Marseille Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Reims Toulon Grenoble " +
  "Dijon Angers Nîmes Brest Limoges Tours Amiens Metz Besançon Perpignan Orléans Rouen Caen Nancy Avignon Poitiers " +
  "Brussels Antwerp Ghent Liège Namur Geneva Lausanne Montreal Quebec Barcelona Madrid Lisbon Porto Milan Turin"
).split(" ");

export const FILLER = (
  "dataset contains records collected by the department every period and published under an open licence " +
  "values are aggregated per district and per category with coordinates where available see the documentation " +
  "for field definitions methodology and known limitations figures before are estimates updated regularly"
).split(" ");
