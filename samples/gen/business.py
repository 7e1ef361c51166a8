"""Item 1. Business (hand-written prose; year variants chosen with c.v)."""

from ctx import H, P, UL, TT


def fleet(c):
    return c.v({2022: dict(tractors="3,420", oo="1,150", trailers="9,860", chassis="11,400",
                           emp="9,840", drivers="3,610", sqft="14.2 million", dcs="61", ports="17",
                           terminals="38", top10="38%", largest="8.9%", age="2.9"),
                2023: dict(tractors="3,310", oo="1,020", trailers="9,540", chassis="11,150",
                           emp="9,210", drivers="3,380", sqft="15.1 million", dcs="64", ports="17",
                           terminals="39", top10="36%", largest="8.1%", age="3.2"),
                2024: dict(tractors="3,585", oo="980", trailers="10,120", chassis="10,900",
                           emp="10,460", drivers="3,720", sqft="18.6 million", dcs="77",
                           ports="20", terminals="41", top10="34%", largest="7.4%", age="3.3")})


def item1(c):
    k = fleet(c)
    b = []
    b.append(H("Overview"))
    b.append(P("Northwind Harbor Logistics, Inc. (together with its subsidiaries, \"Northwind,\" "
               "the \"Company,\" \"we,\" \"us\" or \"our\") is a provider of port-centric freight "
               "transportation, warehousing and logistics services in the United States. We move "
               "containers and trailers between marine terminals, rail ramps, distribution "
               "centers and the stores and plants of our customers, and we store, handle and "
               "distribute the goods inside those containers once they arrive. Our customers are "
               "primarily importers and retailers of consumer goods, manufacturers of building "
               "products, paper, chemicals and automotive parts, and, "
               + c.v({2022: "to a lesser extent, food and beverage producers.",
                      2024: "following our acquisition of Cascade Cold Chain Holdings, LLC in July "
                            "2024, a growing number of food, beverage and grocery companies that "
                            "need temperature-controlled storage and transportation."})))
    b.append(P(f"We serve {k['ports']} container ports on the Atlantic, Gulf and Pacific coasts "
               f"through a network of {k['terminals']} drayage terminals and container yards and "
               f"{k['dcs']} warehouses and distribution centers comprising approximately "
               f"{k['sqft']} square feet. At December 31, {c.fy}, we operated {k['tractors']} "
               f"company tractors and contracted with approximately {k['oo']} independent "
               "owner-operators, and we had access to the capacity of more than 14,000 third-party "
               "motor carriers through our freight brokerage operations. For the year ended "
               f"December 31, {c.fy}, we generated operating revenues of {c.m('rev')}, operating "
               f"income of {c.m('oi')} and net income of {c.m('ni')}."))
    b.append(P("Northwind was founded in 1987 in Norfolk, Virginia, with three tractors hauling "
               "ocean containers from the Norfolk International Terminals to shippers in the "
               "Hampton Roads region. We completed our initial public offering in 1996, and our "
               "common stock trades on the Nasdaq Global Select Market under the symbol \"NWHL.\" "
               "Over the following decades we expanded along the Atlantic and Gulf coasts, "
               "principally through the acquisition of regional drayage companies, and we added "
               "warehousing in 2004 and truckload and intermodal services in 2009. "
               + c.v({2022: "In October 2021 we acquired Tidewater Transload, Inc., an operator of "
                            "two transload facilities near the Port of Baltimore.",
                      2024: "In October 2021 we acquired Tidewater Transload, Inc., an operator of "
                            "two transload facilities near the Port of Baltimore, and on July 1, "
                            "2024 we acquired Cascade Cold Chain Holdings, LLC (\"Cascade\"), an "
                            "operator of 13 temperature-controlled warehouses and a refrigerated "
                            "trucking fleet in the Pacific Northwest and Northern California, "
                            "for cash consideration of $318.6 million, net of cash acquired."})
               + " We were incorporated in Delaware in 1995 as the successor to a Virginia "
               "corporation of the same name."))
    b.append(P("Our strategy is to be the logistics partner of choice for shippers whose freight "
               "moves through ports. We believe that importers value a single provider that can "
               "pull a container from a congested terminal, store it, unload it, hold the goods "
               "and deliver them to stores or plants, and that can report each of those steps "
               "through one system. The principal elements of our strategy are to deepen our "
               "presence at the ports we serve, to increase the share of revenue we earn from "
               "multi-year dedicated and warehousing contracts, to invest in technology that "
               "improves the utilization of our drivers, equipment and buildings, and to pursue "
               "disciplined acquisitions that extend our network or our capabilities. "
               + c.v({2022: "",
                      2023: "During 2023 we also reduced our cost structure in response to lower "
                            "freight volumes, consolidating six drayage terminals and reducing "
                            "our non-driver headcount by approximately 7%.",
                      2024: "The acquisition of Cascade reflects this strategy: it adds a "
                            "temperature-controlled capability that our import customers had "
                            "asked us to provide, and it gives us a presence at the Ports of "
                            "Seattle, Tacoma and Oakland."})))

    b.append(H("Our Segments"))
    b.append(P("We manage our business in three reportable segments: Port and Drayage Services, "
               "Truckload and Intermodal, and "
               + c.v({2022: "Contract Warehousing.",
                      2024: "Warehousing and Cold Chain (formerly Contract Warehousing, renamed in "
                            "the third quarter of 2024 to reflect the inclusion of Cascade)."})
               + " Financial information about our segments, including revenue and operating "
               "income, is included in Part II, Item 8, Note 13, \"Segment Information,\" of this "
               "Annual Report on Form 10-K, and a discussion of segment results is included in "
               "[[i7|Item 7, Management's Discussion and Analysis of Financial Condition and "
               "Results of Operations]]."))
    b.append(TT(["Segment", f"{c.fy} revenue", "Share of total"],
                [["Port and Drayage Services", c.m("rev_port"), c.share("rev_port")],
                 ["Truckload and Intermodal", c.m("rev_truck"), c.share("rev_truck")],
                 [c.v({2022: "Contract Warehousing", 2024: "Warehousing and Cold Chain"}),
                  c.m("rev_wh"), c.share("rev_wh")]], [50, 25, 25]))
    b.append(H("Port and Drayage Services"))
    b.append(P("Drayage is the short-distance movement of an ocean container by truck, usually "
               "between a marine terminal and a customer's facility, a rail ramp or a container "
               "yard. It is the first and last link of almost every international supply chain "
               "and it is operationally demanding: terminals impose appointment systems and "
               "free-time limits, ocean carriers charge demurrage and detention when containers "
               "or chassis are held too long, and a single delayed vessel can change a day's "
               "plan for hundreds of drivers. Our Port and Drayage Services segment performs "
               "container drayage, operates container yards adjacent to the terminals where we "
               "stage loaded and empty containers, provides transload services in which we "
               "transfer goods from 40-foot ocean containers into 53-foot domestic trailers, and "
               "manages chassis pools for customers who prefer not to depend on the availability "
               "of carrier-provided equipment."))
    b.append(P("We price drayage services on a per-move basis, with separate charges for fuel, "
               "waiting time, pre-pulls, storage and other accessorial services. Most of our "
               "drayage revenue is earned under rate agreements with a term of one year or less, "
               "although an increasing share is earned under multi-year agreements that bundle "
               "drayage with warehousing. Drayage volume is driven primarily by containerized "
               "import volumes at the ports we serve, and we handled approximately "
               + c.v({2022: "1.41 million", 2023: "1.18 million", 2024: "1.26 million"})
               + " container moves in " + str(c.fy) + ". "
               + c.v({2022: "Volumes were elevated in the first half of 2022 as importers "
                            "continued to shift cargo from West Coast to East and Gulf Coast "
                            "ports, and declined in the second half as retailers reduced orders "
                            "to correct excess inventories.",
                      2023: "Volumes declined throughout most of 2023 as retailers and "
                            "manufacturers worked down the inventories they had built in 2021 "
                            "and 2022, and began to stabilize in the fourth quarter.",
                      2024: "Volumes recovered modestly in 2024, supported by the early arrival "
                            "of holiday merchandise and by importers accelerating shipments "
                            "ahead of an expected strike at East and Gulf Coast ports. The "
                            "three-day strike in October 2024 and the backlog that followed it "
                            "are discussed in Item 7."})))
    b.append(P("We also provide customs brokerage services through a licensed subsidiary, which "
               "files entries with U.S. Customs and Border Protection on behalf of importers, "
               "arranges examinations of containers selected for inspection, and coordinates "
               "with the Food and Drug Administration, the Department of Agriculture and other "
               "agencies whose approval is needed before cargo may be released. Offering customs "
               "clearance alongside drayage allows us to begin planning the movement of a "
               "container before the vessel arrives and to avoid the storage charges that accrue "
               "when a container is held at the terminal awaiting release. Customs brokerage "
               "revenue is included in our Port and Drayage Services segment and is not "
               "material to our consolidated results."))
    b.append(H("Truckload and Intermodal"))
    b.append(P("Our Truckload and Intermodal segment provides dedicated contract carriage, "
               "one-way truckload service, intermodal service and freight brokerage. In our "
               "dedicated operations, we assign drivers and equipment to a specific customer, "
               "typically under contracts of three to five years, and we are paid a fixed weekly "
               "charge for the fleet plus variable charges per mile or per load. Dedicated "
               "contracts represented approximately "
               + c.v({2022: "41%", 2023: "46%", 2024: "49%"})
               + " of segment revenue in " + str(c.fy) + ". Our one-way truckload service "
               "primarily moves freight from port-area warehouses and transload centers to "
               "destinations within approximately 600 miles. Our intermodal service arranges "
               "the long-haul movement of domestic containers by rail under agreements with two "
               "Class I railroads, while we perform the pickup and delivery legs with our own "
               "tractors. Our brokerage business, which operates as Northwind Freight Solutions, "
               "arranges transportation with third-party carriers when our own capacity is not "
               "the best fit for a shipment."))
    b.append(P("Demand in the truckload market is cyclical and is affected by industrial "
               "production, retail inventories and the amount of capacity in the market. "
               + c.v({2022: "Spot rates for truckload freight declined sharply during 2022 from "
                            "the record levels of 2021, while contract rates held up better.",
                      2023: "The truckload market remained oversupplied throughout 2023, and "
                            "contract rates declined as shippers rebid their freight at lower "
                            "prices.",
                      2024: "The truckload market remained weak for most of 2024, with spot "
                            "rates near their lowest levels in several years; capacity continued "
                            "to leave the market, but more slowly than many observers expected."})
               + " Fuel costs and the cost of purchased transportation are the largest variable "
               "expenses of this segment, and we recover a majority of changes in diesel fuel "
               "prices through fuel surcharge programs."))
    b.append(H(c.v({2022: "Contract Warehousing", 2024: "Warehousing and Cold Chain"})))
    b.append(P("We operate warehouses and distribution centers in which we receive, store, pick, "
               "pack and ship goods on behalf of our customers, and we provide value-added "
               "services such as labeling, kitting, returns processing and inventory management. "
               "Most of our warehouse contracts have initial terms of three to seven years and are "
               "priced either on an open-book basis, in which the customer reimburses our costs "
               "and pays a management fee, or on a closed-book basis in which we charge per unit "
               "handled and per pallet stored. Many of our buildings are dedicated to a single "
               "customer, while our multi-client buildings near the Port of Virginia and the Ports of "
               "Savannah, Charleston and Houston serve several smaller importers under shorter "
               "agreements."))
    if c.fy >= 2024:
        b.append(P("Through Cascade we now operate 13 temperature-controlled warehouses with "
                   "approximately 48 million cubic feet of frozen and refrigerated capacity in "
                   "Washington, Oregon, Idaho and Northern California, together with a fleet of "
                   "approximately 270 refrigerated tractors. Cold storage customers include "
                   "processors of seafood, potatoes, berries and dairy products, as well as "
                   "grocery distributors. Cold storage contracts typically combine a monthly "
                   "storage charge per pallet with handling charges and, in some cases, blast "
                   "freezing and repackaging fees. Demand for cold storage is tied to harvest "
                   "cycles and is less sensitive to import volumes than the rest of our business, "
                   "which we expect to reduce the volatility of our results over time."))
    b.append(H("Customers"))
    b.append(P("We serve more than 2,800 customers. Our ten largest customers accounted for "
               f"approximately {k['top10']} of our operating revenues in {c.fy}, and our largest "
               f"customer, a national home-improvement retailer, accounted for {k['largest']}. "
               "We generally provide services to our largest customers in more than one segment, "
               "and our relationships with several of them date back more than fifteen years. "
               "No other customer accounted for more than 5% of our operating revenues. Our "
               "contracts generally allow customers to terminate for convenience on 30 to 180 "
               "days' notice, although our warehouse agreements often require the customer to "
               "reimburse unamortized start-up costs and lease obligations on early "
               "termination."))
    b.append(H("Sales and Marketing"))
    b.append(P("Our national accounts team, organized by industry vertical, is responsible for "
               "our largest customers and for multi-segment solutions, while local sales "
               "representatives at each port serve regional importers and freight forwarders. "
               "Our solutions design group, composed of engineers and former operators, prepares "
               "network studies and facility designs for prospective warehousing and dedicated "
               "customers. We believe that our reputation for service at the ports, where a "
               "missed appointment can cost a customer hundreds of dollars a day in storage "
               "charges, is our most important marketing asset."))
    b.append(H("Technology"))
    b.append(P("We rely on a transportation management system, a warehouse management system and "
               "our customer portal, NorthLink, to plan and execute shipments, to communicate "
               "with terminals, railroads and customers, and to bill for our services. NorthLink "
               "gives customers visibility into the status of each container, from vessel "
               "arrival through delivery, and estimates the demurrage and detention exposure on "
               "containers still at the port. "
               + c.v({2022: "During 2022 we began replacing our legacy transportation management "
                            "system, which we developed internally in the early 2000s, with a "
                            "commercial cloud-based platform; we expect the migration to be "
                            "completed in 2024.",
                      2023: "We migrated our drayage operations to a new cloud-based "
                            "transportation management system during 2023, and we expect to "
                            "migrate our truckload and intermodal operations in 2024. In May "
                            "2023 we experienced a ransomware attack, which is described in "
                            "Item 1C, Cybersecurity.",
                      2024: "We completed the migration of our drayage, truckload and intermodal "
                            "operations to a cloud-based transportation management system in "
                            "2024, and we expect to move Cascade's operations onto our warehouse "
                            "management system in 2025 and 2026. During 2024 we also began using "
                            "machine-learning models to predict terminal turn times and to "
                            "recommend appointment slots to our dispatchers."})))
    b.append(H("Competition"))
    b.append(P("The transportation and logistics industry is highly competitive and fragmented. "
               "In port drayage we compete with thousands of small local carriers, many of which "
               "operate fewer than ten trucks, as well as with the drayage divisions of large "
               "trucking and logistics companies. In truckload and intermodal we compete with "
               "truckload carriers of all sizes, with intermodal marketing companies and with "
               "freight brokers, including digital brokerage platforms. In warehousing we compete "
               "with national third-party logistics providers, with regional operators and with "
               "customers that operate their own facilities. "
               + c.v({2022: "",
                      2024: "In cold storage we compete with two large publicly traded "
                            "operators of temperature-controlled warehouses and with many "
                            "private and cooperative operators. "})
               + "We compete primarily on service, reliability, the breadth of our network, "
               "technology and price. Some of our competitors have greater financial resources, "
               "more equipment or lower costs than we do."))
    b.append(H("Seasonality"))
    b.append(P("Our results are affected by seasonal patterns. Import volumes and warehouse "
               "activity are usually strongest from August through November, when retailers "
               "stock for the holiday season, and weakest in the first quarter, when winter "
               "weather also reduces the productivity of our drivers and increases our operating "
               "costs. "
               + c.v({2022: "",
                      2024: "Our cold storage operations are busiest from July through "
                            "November, when harvests of potatoes, berries and other crops in the "
                            "Pacific Northwest are frozen and stored. "})
               + "The timing of the Lunar New Year, ocean carrier schedules and port disruptions "
               "can shift volumes between quarters."))
    b.append(H("Equipment and Facilities"))
    b.append(P(f"At December 31, {c.fy}, our company fleet consisted of {k['tractors']} tractors "
               f"with an average age of {k['age']} years, {k['trailers']} dry van and "
               + c.v({2022: "", 2024: "refrigerated "})
               + f"trailers, and {k['chassis']} owned or leased container chassis. We generally "
               "replace tractors after four to five years and trailers after ten to twelve "
               "years. "
               + c.v({2022: "We operate 64 battery-electric and 31 natural gas tractors in "
                            "drayage service in Southern California and Savannah.",
                      2023: "We operate 92 battery-electric and 31 natural gas tractors, most of "
                            "them in drayage service in Southern California and Savannah.",
                      2024: "We operate 118 battery-electric and 27 natural gas tractors, most "
                            "of them in drayage service in Southern California and Savannah, and "
                            "we took delivery of our first four hydrogen fuel-cell tractors in "
                            "2024 for a pilot program at the Port of Houston."})
               + " A description of our principal facilities is included in Item 2, "
               "Properties."))
    b.append(H("Human Capital"))
    b.append(P(f"At December 31, {c.fy}, we had approximately {k['emp']} employees, including "
               f"approximately {k['drivers']} professional drivers, and substantially all of them "
               "were employed in the United States. "
               + c.v({2022: "None of our employees is represented by a labor union.",
                      2024: "In March 2024, approximately 410 drivers at our Savannah and "
                            "Charleston drayage terminals voted to be represented by the "
                            "International Brotherhood of Teamsters, and we are negotiating a "
                            "first collective bargaining agreement. Approximately 240 employees "
                            "at four Cascade facilities are covered by collective bargaining "
                            "agreements that expire between 2026 and 2028. None of our other "
                            "employees is represented by a labor union."})
               + " The longshore workers who load and unload vessels at the ports we serve are "
               "not our employees, but their collective bargaining agreements and any work "
               "stoppages affect our operations directly."))
    b.append(P("Safety is our first operating priority. Our drivers complete classroom and "
               "behind-the-wheel training before they are dispatched, and every company tractor "
               "is equipped with forward-facing and driver-facing cameras, collision mitigation "
               "systems and electronic logging devices. Our DOT recordable accident rate was "
               + c.v({2022: "0.71", 2023: "0.68", 2024: "0.74"})
               + " per million miles in " + str(c.fy) + ", and our warehouse lost-time injury "
               "rate was " + c.v({2022: "1.3", 2023: "1.1", 2024: "1.4"}) + " per 200,000 hours "
               "worked. We recognize drivers who reach one, two and three million safe miles, and "
               "we tie a portion of the annual incentive compensation of our operating managers "
               "to safety results."))
    b.append(P("Recruiting and keeping professional drivers and warehouse associates is a "
               "persistent challenge in our industry. We offer competitive pay, health benefits "
               "that begin on the first day of employment, a 401(k) plan with a company match, "
               "and schedules that allow most of our drayage drivers to be home every night. Our "
               "Northwind Driving Academy trains approximately "
               + c.v({2022: "400", 2023: "320", 2024: "380"})
               + " new drivers each year, and our tuition assistance and mechanic apprenticeship "
               "programs help us develop technicians and supervisors from within. Annualized "
               "turnover among our company drivers was approximately "
               + c.v({2022: "61%", 2023: "48%", 2024: "52%"})
               + " in " + str(c.fy) + ", which we believe is well below the average for large "
               "truckload carriers. We conduct an engagement survey of all employees each year "
               "and review the results with our Board of Directors."))
    b.append(H("Government Regulation"))
    b.append(P("Our operations are regulated and licensed by various federal, state and local "
               "agencies. The U.S. Department of Transportation (\"DOT\"), through the Federal "
               "Motor Carrier Safety Administration (\"FMCSA\"), regulates our motor carrier "
               "subsidiaries, including with respect to driver qualification, hours of service, "
               "drug and alcohol testing, vehicle maintenance and the transportation of hazardous "
               "materials. The FMCSA's Compliance, Safety, Accountability program scores carriers "
               "on several categories of safety performance, and poor scores can lead to "
               "interventions and may influence shippers' selection of carriers. Our brokerage "
               "subsidiary is licensed by the FMCSA as a property broker, and our customs "
               "brokerage subsidiary is licensed by U.S. Customs and Border Protection. Drivers "
               "who enter marine terminals must hold a Transportation Worker Identification "
               "Credential issued by the Transportation Security Administration."))
    b.append(P("The Federal Maritime Commission regulates the practices of ocean carriers and "
               "marine terminal operators, including their demurrage and detention billing. "
               + c.v({2022: "The Ocean Shipping Reform Act of 2022, enacted in June 2022, "
                            "directed the Commission to adopt rules on the billing of demurrage "
                            "and detention, which could affect the charges that we pass through "
                            "to our customers.",
                      2024: "The Commission's rule on demurrage and detention billing, which "
                            "took effect in May 2024 under the Ocean Shipping Reform Act of "
                            "2022, limits the parties that ocean carriers and terminals may bill "
                            "and has reduced the charges that we pay and pass through to our "
                            "customers."})))
    b.append(P("We are subject to federal, state and local environmental laws governing "
               "emissions from our tractors and equipment, the storage of fuel in underground "
               "and aboveground tanks, stormwater discharges from our terminals and the handling "
               "of hazardous materials. "
               + c.v({2022: "The California Air Resources Board (\"CARB\") has proposed an "
                            "Advanced Clean Fleets regulation that would require drayage "
                            "trucks entering California ports to be zero-emission by 2035 and "
                            "would require new drayage trucks registered after 2023 to be "
                            "zero-emission.",
                      2023: "In April 2023, CARB adopted its Advanced Clean Fleets regulation, "
                            "which requires that trucks added to the state's drayage registry "
                            "from January 1, 2024 be zero-emission vehicles and that all drayage "
                            "trucks serving California ports and railyards be zero-emission by "
                            "2035. The U.S. Environmental Protection Agency has also proposed "
                            "more stringent greenhouse gas standards for heavy-duty vehicles "
                            "beginning with model year 2027.",
                      2024: "In January 2025, CARB withdrew its request for a federal waiver "
                            "for its Advanced Clean Fleets regulation and stated that it would "
                            "not enforce the regulation's drayage requirements against private "
                            "fleets, although it continues to pursue other measures that limit "
                            "emissions at California ports. In March 2024, the U.S. "
                            "Environmental Protection Agency adopted greenhouse gas standards "
                            "for heavy-duty vehicles beginning with model year 2027, the future "
                            "of which is uncertain under the new administration."})
               + " We do not currently expect the costs of complying with environmental laws to "
               "have a material adverse effect on our financial condition, but these "
               "requirements are changing rapidly, as discussed in Item 1A, Risk Factors."))
    if c.fy >= 2024:
        b.append(P("Our cold storage operations are subject to the Food Safety Modernization Act "
                   "and the regulations of the U.S. Food and Drug Administration and the U.S. "
                   "Department of Agriculture, including the rules on sanitary transportation of "
                   "human and animal food and on traceability records for certain foods, and to "
                   "regulations of the Environmental Protection Agency and the Occupational "
                   "Safety and Health Administration governing ammonia refrigeration systems and "
                   "the use of hydrofluorocarbon refrigerants."))
    b.append(H("Insurance"))
    b.append(P("We retain a significant portion of the risk of auto liability, workers' "
               "compensation, cargo and property claims, and we purchase insurance above our "
               "retention levels. For "
               + str(c.fy + 1) + ", our self-insured retention for auto liability claims is "
               + c.v({2022: "$3.0 million", 2023: "$5.0 million", 2024: "$5.0 million"})
               + " per occurrence, and we maintain excess coverage up to $200 million per "
               "occurrence. The cost of excess liability insurance in the trucking industry has "
               "increased substantially in recent years because of the frequency of very large "
               "jury verdicts, and we have responded by increasing our retention levels."))
    b.append(H("Sustainability"))
    b.append(P("We believe that reducing the emissions of our operations is consistent with the "
               "interests of our customers, employees and shareholders. "
               + c.v({2022: "In 2022 we set a goal of reducing the greenhouse gas emissions "
                            "intensity of our company fleet by 30% by 2030 from a 2019 baseline.",
                      2023: "We have set a goal of reducing the greenhouse gas emissions "
                            "intensity of our company fleet by 30% by 2030 from a 2019 baseline, "
                            "and through 2023 we had achieved a reduction of approximately 11%.",
                      2024: "We have set a goal of reducing the greenhouse gas emissions "
                            "intensity of our company fleet by 30% by 2030 from a 2019 baseline, "
                            "and through 2024 we had achieved a reduction of approximately 13%. "
                            "The acquisition of Cascade, whose refrigerated warehouses use large "
                            "amounts of electricity, will increase our absolute emissions, and "
                            "we are evaluating whether to revise our goals."})
               + " Our progress depends in part on the availability and cost of zero-emission "
               "trucks and charging infrastructure, which remain uncertain."))
    b.append(H("Intellectual Property"))
    b.append(P("We own the NORTHWIND HARBOR and NORTHLINK trademarks"
               + c.v({2022: "", 2024: " and, through Cascade, the CASCADE COLD CHAIN trademark"})
               + ", which are registered in the United States, and we own or license the software "
               "that supports our operations. We do not believe that any single patent, "
               "trademark or license is material to our business as a whole."))
    b.append(H("Information About Our Executive Officers"))
    b.append(P(f"The following table sets forth information about our executive officers as of "
               f"February {c.v({2022: '17, 2023', 2023: '16, 2024', 2024: '14, 2025'})}:"))
    ex = [["Margaret L. Okafor", str(58 + c.fy - 2022), "President and Chief Executive Officer"],
          ["Daniel R. Esposito", str(51 + c.fy - 2022), "Executive Vice President and Chief "
           "Financial Officer"]]
    if c.fy <= 2022:
        ex.append(["Ricardo A. Vance", "63", "Executive Vice President and Chief Operating "
                   "Officer"])
    else:
        ex.append(["Priya Raman", str(47 + c.fy - 2023), "Executive Vice President and Chief "
                   "Operating Officer"])
    ex.append(["Hannah J. Whitfield", str(55 + c.fy - 2022), "Senior Vice President, General "
               "Counsel and Corporate Secretary"])
    ex.append(["Samuel K. Osei", str(49 + c.fy - 2022), "Senior Vice President and Chief "
               "Information Officer"])
    if c.fy >= 2024:
        ex.append(["Lucas M. Brandt", "53", "President, Cold Chain"])
    ex.append(["Teresa Ng", str(44 + c.fy - 2022), "Vice President, Controller and Chief "
               "Accounting Officer"])
    b.append(TT(["Name", "Age", "Position"], ex, [35, 10, 55]))
    bios = [
        "Margaret L. Okafor has served as our President and Chief Executive Officer since "
        "2017. She joined Northwind in 2006 as Vice President of Warehousing and served as "
        "Chief Operating Officer from 2013 to 2017. Before joining us she held operating roles "
        "at a national contract logistics company.",
        "Daniel R. Esposito has served as our Chief Financial Officer since 2019. He was "
        "previously Vice President of Finance and Treasurer of a publicly traded railroad "
        "holding company and began his career in public accounting.",
    ]
    if c.fy <= 2022:
        bios.append("Ricardo A. Vance has served as our Chief Operating Officer since 2017 and "
                    "has been with Northwind since 1994, when he began as a dispatcher in "
                    "Norfolk. Mr. Vance has announced his intention to retire in 2023.")
    else:
        bios.append("Priya Raman has served as our Chief Operating Officer since June 2023. She "
                    "joined Northwind in 2015 and led our Truckload and Intermodal segment from "
                    "2019 until her appointment. She succeeded Ricardo A. Vance, who retired "
                    "after 29 years with the Company.")
    bios.append("Hannah J. Whitfield has served as our General Counsel since 2012. She was "
                "previously a partner in the transportation practice of a law firm in Richmond, "
                "Virginia.")
    bios.append("Samuel K. Osei has served as our Chief Information Officer since 2018. He "
                "previously led technology for the supply chain division of a national "
                "retailer.")
    if c.fy >= 2024:
        bios.append("Lucas M. Brandt has served as President, Cold Chain since our acquisition "
                    "of Cascade in July 2024. He was Cascade's Chief Executive Officer from 2016 "
                    "to 2024.")
    bios.append("Teresa Ng has served as our Controller and Chief Accounting Officer since 2020 "
                "and joined Northwind in 2014 as Director of Financial Reporting.")
    for t in bios:
        b.append(P(t))
    b.append(H("Available Information"))
    b.append(P("Our website address is www.northwindharbor.example. We make available free of "
               "charge on our website our Annual Reports on Form 10-K, Quarterly Reports on Form "
               "10-Q, Current Reports on Form 8-K and amendments to those reports as soon as "
               "reasonably practicable after we electronically file them with, or furnish them "
               "to, the Securities and Exchange Commission (the \"SEC\"). The SEC maintains a "
               "website at www.sec.gov that contains reports, proxy and information statements "
               "and other information regarding issuers that file electronically. The "
               "information on our website is not incorporated by reference into this report."))
    return b
