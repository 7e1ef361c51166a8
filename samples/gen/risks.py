"""Item 1A. Risk Factors. Each factor lists the fiscal years in which it appears; titles and
paragraphs may be dicts of year variants (the latest year <= fiscal year wins)."""

from ctx import H, H3, P

ALL = (2022, 2023, 2024)
CATS = [
    ("econ", {2022: "Risks Related to Our Industry and the Economy"}),
    ("ops", {2022: "Risks Related to Our Operations"}),
    ("cascade", {2024: "Risks Related to the Cascade Acquisition and Our Cold Chain Business"}),
    ("reg", {2022: "Risks Related to Regulation and Litigation"}),
    ("fin", {2022: "Risks Related to Our Indebtedness and Financial Results"}),
    ("stock", {2022: "Risks Related to Our Common Stock"}),
]

RISKS = []


def R(cat, rid, years, title, *paras):
    RISKS.append(dict(cat=cat, id=rid, years=years, title=title, paras=paras))


R("econ", "economy", ALL,
  "Our business is subject to general economic, business and market conditions that are "
  "largely beyond our control.",
  "Our business depends on the volume of goods that our customers import, manufacture, store "
  "and sell, and that volume is closely tied to consumer spending, industrial production, "
  "housing activity and business inventories. Recessionary conditions, declines in consumer "
  "confidence, high unemployment, tight credit and volatility in financial markets can reduce "
  "demand for our services, increase competition for the freight that remains and put "
  "downward pressure on our prices. Weak economic conditions can also cause our customers to "
  "delay payment or to fail to pay us at all, and can lead to the insolvency of third-party "
  "carriers and vendors on which we depend.",
  {2022: "Although demand for our services was strong in the first half of 2022, many of our "
         "customers reduced their orders in the second half of the year as they worked to "
         "reduce excess inventories, and we cannot predict when or whether demand will "
         "recover to prior levels.",
   2023: "Demand for our services declined in 2023 as customers reduced inventories and the "
         "freight market remained oversupplied, and we cannot predict when or whether demand "
         "will recover to the levels of 2021 and 2022.",
   2024: "Demand for our services remained below the levels of 2021 and 2022 throughout 2024, "
         "and uncertainty about tariffs, interest rates and consumer spending makes it "
         "difficult to predict when demand will recover."},
  "In addition, we cannot quickly reduce many of our costs, such as rent on our facilities, "
  "depreciation of our equipment and the wages of our salaried employees, when volumes "
  "decline. As a result, a decline in revenue generally causes a larger percentage decline in "
  "our operating income.")

R("econ", "imports", ALL,
  {2022: "Our results depend heavily on containerized import volumes through the ports we "
         "serve.",
   2024: "Our results depend heavily on containerized import volumes through the ports we "
         "serve, and shifts of cargo between ports or coasts can reduce our volumes suddenly."},
  "Approximately "
  + "{imp} of our operating revenues in the most recent year were derived from services "
  "connected to containers imported through U.S. ports. Import volumes can decline because of "
  "weaker consumer demand, changes in trade policy, the relocation of manufacturing to North "
  "America or to countries whose goods enter through other ports, and changes in the routing "
  "decisions of ocean carriers and beneficial cargo owners. "
  "Ocean carriers periodically change the ports of call on their services, and an importer "
  "may shift its cargo from one coast to another in response to labor conditions, port "
  "congestion, transit times through the Panama and Suez Canals or inland transportation "
  "costs.",
  {2022: "During 2021 and the first half of 2022, importers shifted significant volumes from "
         "West Coast ports to the East and Gulf Coast ports where most of our operations are "
         "located, in part because of congestion at the Ports of Los Angeles and Long Beach "
         "and uncertainty about the West Coast longshore labor contract. If that cargo returns "
         "to the West Coast, our volumes could decline.",
   2023: "After the West Coast longshore labor contract was ratified in 2023, some importers "
         "returned cargo to West Coast ports that they had shifted to the East and Gulf Coasts "
         "in 2021 and 2022, which reduced our drayage volumes. Drought conditions that "
         "restricted transits through the Panama Canal in 2023 had the opposite effect, and "
         "we cannot predict how these factors will evolve.",
   2024: "In 2024, many importers accelerated shipments to East and Gulf Coast ports ahead of "
         "the expiration of the longshore master contract, and then diverted cargo to West "
         "Coast and Canadian ports during and immediately after the October 2024 strike. "
         "Attacks on commercial vessels in the Red Sea since late 2023 have lengthened "
         "transit times from Asia to the East Coast. These shifts are difficult to predict, "
         "and a lasting diversion of cargo away from the ports we serve would adversely "
         "affect our results."})

R("econ", "competition", ALL,
  "We operate in highly competitive and fragmented markets, and competitive pressures could "
  "reduce our prices, volumes and margins.",
  "We compete with many other transportation and logistics providers of varying sizes, "
  "including small local drayage carriers with very low overhead, large truckload carriers, "
  "intermodal marketing companies, freight brokers, national third-party logistics providers "
  "and the in-house transportation and warehousing operations of our customers. Some of our "
  "competitors have greater financial resources, more equipment, broader networks or lower "
  "cost structures than we do. Many of our competitors periodically reduce their prices to "
  "gain business, especially during periods of weak demand, which limits our ability to "
  "maintain or increase our rates. Our customers regularly solicit bids from multiple "
  "providers and have reduced the number of carriers they use, and the loss of a competitive "
  "bid can mean the loss of a lane or a facility for several years. The consolidation of "
  "competitors and the entry of technology-focused companies with significant capital into "
  "freight brokerage and digital freight matching could further intensify competition.")

R("econ", "fuel", ALL,
  {2022: "Increases in the price of diesel fuel, and shortages of fuel, could adversely affect "
         "our results of operations.",
   2023: "Volatility in the price of diesel fuel, and shortages of fuel, could adversely affect "
         "our results of operations."},
  "Fuel is one of our largest operating expenses, representing "
  "{fuelpct} of our operating revenues in the most recent year. Diesel prices are volatile and "
  "are affected by international political and economic conditions, the actions of oil "
  "producing nations, refinery capacity, weather, and taxes and regulations.",
  {2022: "Diesel prices rose to record levels in 2022 following Russia's invasion of Ukraine, "
         "and supplies of diesel fuel were tight in parts of the East Coast during the fourth "
         "quarter.",
   2023: "Diesel prices declined in 2023 from the record levels of 2022 but remained volatile "
         "and elevated compared with historical averages, and conflict in the Middle East has "
         "added further uncertainty.",
   2024: "Diesel prices declined during 2024, which reduced our fuel surcharge revenue, but "
         "remain exposed to conflict in the Middle East and Eastern Europe and to changes in "
         "the policies of oil producing nations."},
  "We recover a majority of changes in fuel costs through fuel surcharge programs, but these "
  "programs do not cover the fuel consumed while our tractors are idle or moving empty, they "
  "adjust with a lag, and some customers have negotiated caps on fuel surcharges or pay them "
  "on less than all of their miles. As a result, rapid increases in fuel prices generally "
  "reduce our operating income in the short term, and decreases in fuel prices reduce our "
  "revenue. We do not currently hedge our exposure to fuel prices. A shortage of diesel fuel "
  "or restrictions on its use could disrupt our operations.")

R("econ", "inflation", (2022, 2023),
  {2022: "Inflation and rising interest rates may increase our costs faster than we can raise "
         "our prices.",
   2023: "Persistent inflation and higher interest rates may increase our costs faster than we "
         "can raise our prices."},
  "Most of our operating expenses, including wages, equipment, parts, tires, insurance and "
  "rent, are subject to inflation. "
  + "{inflation_clause} "
  "Our ability to pass on these cost increases depends on market conditions and on the "
  "terms of our contracts, some of which allow price adjustments only once a year. Higher "
  "interest rates increase the cost of our variable rate borrowings, raise the cost of "
  "leasing equipment and buildings, and may reduce economic activity and the demand for our "
  "services.")

R("econ", "covid", (2022,),
  "The lingering effects of the COVID-19 pandemic, including port congestion and supply "
  "chain disruptions, could adversely affect our business.",
  "The COVID-19 pandemic caused significant disruptions to global supply chains, including "
  "congestion at ports and rail ramps, shortages of chassis and containers, and absenteeism "
  "among our drivers and warehouse associates. Although these conditions generally improved "
  "during 2022, and in some respects increased demand for our services, they made our "
  "operations less predictable and increased our costs for overtime, storage and equipment "
  "rental. The pandemic also caused many customers to hold higher inventories than normal, "
  "and the reduction of those inventories has reduced demand for our services. New variants "
  "of the virus, or other public health emergencies, could result in renewed restrictions, "
  "closures of facilities or ports, shortages of labor and equipment, and reduced economic "
  "activity. We cannot predict the duration or severity of any such developments or their "
  "effect on our business.")

R("econ", "destocking", (2023,),
  "The normalization of supply chains after the pandemic has reduced the demand for several "
  "of our services and may continue to do so.",
  "In 2021 and 2022 our customers paid premium rates for drayage, container storage, "
  "transload and expedited trucking because of congestion at ports and shortages of "
  "equipment. As ports have become more fluid, customers need fewer pre-pulls and less "
  "container storage, pay less in accessorial charges and have shifted freight back to "
  "lower-cost modes. Storage and accessorial revenue in our Port and Drayage Services segment "
  "declined by more than half in 2023 compared with 2022. In addition, many retailers have "
  "adopted leaner inventory strategies, which may reduce their need for warehouse space. If "
  "these trends continue, our revenue and margins may not return to the levels we reported "
  "in 2021 and 2022.")

R("econ", "disruptors", (2023, 2024),
  "Autonomous trucks, digital freight platforms and other new technologies could change our "
  "industry in ways that harm our competitive position.",
  "Technology companies, truck manufacturers and well-financed start-ups are investing "
  "heavily in autonomous driving systems, digital freight marketplaces that match shippers "
  "directly with carriers, and warehouse automation. If autonomous trucks become "
  "commercially viable on highways, the cost structure of long-haul trucking could change "
  "substantially, and our investments in tractors and in the recruitment of drivers could "
  "lose value. Digital platforms may reduce the value of our brokerage services and make it "
  "easier for shippers to compare prices. We may be unable to adopt new technologies as "
  "quickly as our competitors, our investments in new technologies may not produce the "
  "expected returns, and the adoption of such technologies may require changes in the law "
  "that we cannot predict.")

R("econ", "tariffs", (2024,),
  "New tariffs and other changes in U.S. trade policy could reduce import volumes through "
  "the ports we serve.",
  "Because much of our business depends on imported goods, we are particularly exposed to "
  "changes in trade policy. In February 2025, the United States announced additional tariffs "
  "on goods imported from China, and it has proposed or threatened tariffs on goods from "
  "Canada, Mexico, the European Union and other trading partners, some of which have "
  "announced or threatened retaliatory measures. The United States Trade Representative has "
  "also proposed fees on vessels operated by Chinese carriers or built in China calling at "
  "U.S. ports, which could cause ocean carriers to reduce or reroute their services.",
  "Tariffs can cause importers to accelerate shipments ahead of their effective dates, which "
  "temporarily increases our volumes, and then to reduce imports, shift sourcing to other "
  "countries, or route goods through ports we do not serve. The scope, timing and duration "
  "of future tariffs are highly uncertain, and we cannot predict their effect on our "
  "business, which could be material.")

# ---- operations
R("ops", "drivers", ALL,
  "Difficulty in recruiting and retaining qualified drivers and owner-operators could impair "
  "our ability to serve customers and increase our costs.",
  "Our operations depend on our ability to attract and retain professional drivers who meet "
  "our safety standards and hold the credentials needed to enter marine terminals. The "
  "trucking industry has experienced a shortage of qualified drivers for many years, and "
  "competition for drivers is intense, particularly for drivers who are willing to work in "
  "congested port environments where pay depends in part on terminal wait times that we do "
  "not control. The pool of eligible drivers is reduced by regulations such as the FMCSA Drug "
  "and Alcohol Clearinghouse, by the aging of the driver population, and by the availability "
  "of other jobs, including warehouse and delivery jobs that do not require nights away from "
  "home.",
  {2022: "We increased driver pay substantially in 2021 and 2022, and we may need to increase "
         "pay and benefits further.",
   2023: "Although the driver market eased during 2023 as freight volumes declined, we expect "
         "competition for drivers to intensify again when demand recovers.",
   2024: "The market for drivers remained relatively balanced in 2024, but we expect "
         "competition for drivers to intensify when demand recovers and as immigration policy "
         "changes reduce the labor supply."},
  "If we are unable to recruit and retain enough drivers and owner-operators, we may have to "
  "leave tractors unseated, turn away freight, rely more on higher-cost third-party carriers "
  "or increase compensation, any of which could adversely affect our results.")

R("ops", "contractors", ALL,
  {2022: "Our use of owner-operators could be challenged, and the reclassification of "
         "owner-operators as employees could increase our costs and expose us to liability.",
   2023: "Our use of owner-operators could be challenged, and the reclassification of "
         "owner-operators as employees under new federal and state standards could increase "
         "our costs and expose us to liability."},
  "Our drayage and truckload operations use independent owner-operators who own or lease "
  "their tractors and contract with us to haul freight. Tax authorities, labor agencies, "
  "courts and private plaintiffs have increasingly asserted that owner-operators in the "
  "trucking industry are employees rather than independent contractors, and several state "
  "legislatures have adopted stricter tests for independent contractor status.",
  {2022: "In California, Assembly Bill 5 adopted an \"ABC\" test that, since the U.S. Supreme "
         "Court declined in June 2022 to review a decision upholding its application to "
         "motor carriers, makes it difficult for motor carriers to use owner-operators in "
         "the state. We have transitioned most of our California drayage operations to "
         "company drivers and third-party carriers, which has increased our costs.",
   2023: "In California, Assembly Bill 5 adopted an \"ABC\" test that has made it difficult "
         "for motor carriers to use owner-operators in the state, and we have transitioned "
         "most of our California drayage operations to company drivers and third-party "
         "carriers. In January 2024, the U.S. Department of Labor adopted a rule, effective "
         "March 2024, that applies a broader \"economic reality\" test to determine whether a "
         "worker is an employee under the Fair Labor Standards Act.",
   2024: "In California, Assembly Bill 5 adopted an \"ABC\" test that has made it difficult "
         "for motor carriers to use owner-operators in the state, and we have transitioned "
         "most of our California drayage operations to company drivers and third-party "
         "carriers. A U.S. Department of Labor rule that took effect in March 2024 applies a "
         "broader \"economic reality\" test to determine employee status under the Fair Labor "
         "Standards Act; the rule has been challenged in court and may be rescinded, and "
         "the resulting uncertainty complicates our planning."},
  "If our owner-operators were determined to be employees, we could incur significant costs "
  "for back wages, overtime, expense reimbursement, employment taxes, benefits, penalties "
  "and interest, and we could be required to change our business model in ways that increase "
  "our costs. We are a defendant in litigation asserting such claims, as described in Item 3, "
  "Legal Proceedings.")

R("ops", "portlabor", ALL,
  {2022: "Labor disputes at the ports we serve, involving workers who are not our employees, "
         "could disrupt our operations.",
   2024: "Work stoppages at the ports we serve, such as the October 2024 strike by longshore "
         "workers at East and Gulf Coast ports, can disrupt our operations and reduce our "
         "revenue, and future disputes could be longer and more damaging."},
  {2022: "The longshore workers, clerks and mechanics who work at the marine terminals we "
         "serve are represented by unions and employed by terminal operators and stevedoring "
         "companies. The master contract between the International Longshoremen's Association "
         "(\"ILA\") and the United States Maritime Alliance, which covers East and Gulf Coast "
         "ports, expires on September 30, 2024, and the contract between the International "
         "Longshore and Warehouse Union and the Pacific Maritime Association covering West "
         "Coast ports expired in July 2022 and has not yet been replaced. Slowdowns, strikes "
         "or lockouts at any of these ports would prevent us from moving containers and could "
         "also cause importers to divert cargo to other ports for extended periods.",
   2023: "The longshore workers, clerks and mechanics who work at the marine terminals we "
         "serve are represented by unions and employed by terminal operators and stevedoring "
         "companies. The master contract between the International Longshoremen's Association "
         "(\"ILA\") and the United States Maritime Alliance, which covers East and Gulf Coast "
         "ports where most of our drayage operations are located, expires on September 30, "
         "2024, and the parties have not yet begun formal negotiations. A strike at those "
         "ports would stop the flow of import containers on which our drayage, transload and "
         "warehouse operations depend, and the threat of a strike could cause importers to "
         "divert cargo to West Coast ports well before the contract expires.",
   2024: "The longshore workers, clerks and mechanics who work at the marine terminals we "
         "serve are represented by unions and employed by terminal operators and stevedoring "
         "companies, not by us. On October 1, 2024, after the master contract between the "
         "International Longshoremen's Association (\"ILA\") and the United States Maritime "
         "Alliance expired, the ILA began a strike at container terminals from Maine to Texas. "
         "The strike ended on October 4, 2024, when the parties agreed to extend the contract "
         "while they continued to negotiate, and in January 2025 they reached a tentative "
         "six-year agreement that remains subject to ratification."},
  {2022: "We have no control over these negotiations or their outcome. Even a short "
         "disruption can create backlogs of vessels and containers that take weeks to clear "
         "and that increase our costs for waiting time, overtime and equipment.",
   2024: "Although the strike lasted only three days, it idled most of our East and Gulf Coast "
         "drayage fleet, and clearing the backlog of vessels and containers that followed "
         "required several weeks of overtime, extended gate hours and equipment rental. We "
         "estimate that the strike and its aftermath reduced our operating income in the "
         "fourth quarter of 2024 by approximately $9 million, as discussed in Item 7. If the "
         "tentative agreement is not ratified, or if a future dispute at East, Gulf or West "
         "Coast ports results in a longer strike, a lockout or a slowdown, our operations "
         "could be disrupted for an extended period, importers could divert cargo to ports we "
         "do not serve, and the effect on our results could be material. Disputes over the "
         "automation of terminal equipment, which was a central issue in the 2024 "
         "negotiations, are likely to recur."})

R("ops", "union", (2024,),
  "The unionization of part of our workforce could increase our costs and reduce our "
  "operating flexibility.",
  "In March 2024, approximately 410 company drivers at our Savannah and Charleston drayage "
  "terminals voted to be represented by the International Brotherhood of Teamsters, and we "
  "are negotiating a first collective bargaining agreement. Approximately 240 employees at "
  "four of the Cascade facilities we acquired in July 2024 are covered by existing "
  "agreements. Organizing efforts are under way at several of our other locations, and "
  "changes in the rules and enforcement priorities of the National Labor Relations Board "
  "have in recent years made it easier for unions to organize employees.",
  "Collective bargaining could increase our wage and benefit costs, restrict our ability to "
  "use owner-operators and third-party carriers, limit our flexibility to change work rules "
  "and schedules, and expose us to strikes and other work stoppages. If negotiations in "
  "Savannah and Charleston do not result in an agreement on acceptable terms, we could "
  "experience a work stoppage that disrupts service to customers at two of our largest "
  "ports. Customers may also be reluctant to award freight to a carrier whose operations "
  "they perceive to be at risk of labor disruption.")

R("ops", "customers", ALL,
  "We depend on a limited number of large customers, and the loss of, or a significant "
  "reduction in business from, one or more of them could adversely affect our results.",
  "Our ten largest customers accounted for approximately {top10} of our operating revenues in "
  "the most recent year, and our largest customer accounted for approximately {largest}. Our "
  "contracts with customers generally do not commit them to any minimum volume and can "
  "often be terminated on short notice. Large customers have significant bargaining power "
  "and regularly rebid their freight and warehousing business. A customer's decision to "
  "insource its logistics, to consolidate its suppliers, to relocate its distribution "
  "network or to shift its imports to other ports could significantly reduce our revenue. "
  "In addition, several of our largest customers are retailers whose financial condition "
  "depends on consumer spending, and the bankruptcy or financial distress of a large "
  "customer could result in lost revenue and uncollectible receivables.")

R("ops", "thirdparty", ALL,
  "We depend on third-party carriers, railroads and other providers whose performance and "
  "pricing we do not control.",
  "Purchased transportation is our largest operating expense. Our brokerage and intermodal "
  "operations depend entirely on third-party trucking companies and railroads, and our "
  "drayage operations rely on third-party carriers during peak periods. These providers may "
  "raise their prices, reduce their capacity, fail to meet our service standards, or go out "
  "of business, and we may be unable to pass their price increases on to our customers. Our "
  "intermodal service relies on agreements with two railroads, and any service disruption, "
  "labor dispute, embargo or change in the commercial terms offered by a railroad could "
  "reduce our intermodal volumes or margins. We may also be subject to claims arising from "
  "accidents involving third-party carriers that we have selected, including claims that we "
  "were negligent in selecting them.")

R("ops", "equipment", ALL,
  "Increases in the cost of new equipment, decreases in the value of used equipment and "
  "disruptions in supply could adversely affect our results.",
  "We depend on the availability of new tractors, trailers, chassis, forklifts and other "
  "equipment. Prices of new tractors have increased significantly in recent years because "
  "of emissions regulations, safety technology, and higher costs for materials and labor. "
  "Manufacturers have at times been unable to deliver equipment on schedule because of "
  "shortages of semiconductors and other components. At the same time, the market value of "
  "used equipment fluctuates with freight market conditions, and a decline in used "
  "equipment prices, such as the decline that occurred "
  "{used_equipment}, reduces the gains we recognize on the sale of equipment and may require "
  "us to record impairment charges. The cost and reliability of zero-emission tractors, "
  "which we may be required to purchase under environmental regulations, are uncertain, "
  "and their purchase price is currently two to three times that of a diesel tractor.")

R("ops", "claims", ALL,
  {2022: "Insurance and claims expenses could significantly reduce our earnings.",
   2024: "Insurance and claims expenses, including the cost of very large jury verdicts "
         "against trucking companies, could significantly reduce our earnings."},
  "Our operations expose us to claims for personal injury, property damage, cargo loss, "
  "workers' compensation and environmental damage. We self-insure a significant portion of "
  "these claims, with retentions of up to {retention} per occurrence for auto liability, and "
  "we accrue for the estimated cost of claims based on actuarial methods. Actual claims may "
  "differ materially from our estimates.",
  {2022: "The trucking industry has experienced a significant increase in the number and size "
         "of jury verdicts in lawsuits arising from accidents, some of which have exceeded $100 "
         "million. As a result, the cost of excess liability insurance has increased "
         "substantially, and insurers have reduced the coverage they are willing to offer.",
   2024: "The trucking industry has experienced a significant increase in the number and size "
         "of jury verdicts in lawsuits arising from accidents, including verdicts exceeding "
         "$100 million and, in at least one case, exceeding $400 million. Plaintiffs' firms "
         "increasingly use litigation funding and aggressive advertising, and the legal "
         "environment in several of the states where we operate, including Georgia and Texas, "
         "is unfavorable to defendants. Our insurance and claims expense increased to "
         "{inspct} of revenue in 2024."},
  "If the number or severity of claims increases, if we are required to pay claims in excess "
  "of our insurance coverage, or if we are unable to obtain insurance at acceptable prices, "
  "our financial condition and results of operations could be materially adversely "
  "affected.")

R("ops", "weather", ALL,
  {2022: "Severe weather, natural disasters and the physical effects of climate change could "
         "disrupt our operations.",
   2024: "Hurricanes and other severe weather, natural disasters and the physical effects of "
         "climate change could damage our facilities and disrupt our operations."},
  "Many of our terminals, yards and warehouses are located in low-lying coastal areas that "
  "are exposed to hurricanes, storm surge and flooding, and our operations in the Pacific "
  "Northwest and California are exposed to earthquakes and wildfires. Severe weather can "
  "close ports, highways and rail lines, damage our facilities and equipment, interrupt our "
  "power and communications, and reduce the productivity of our drivers and warehouse "
  "associates. Climate change may increase the frequency and severity of such events and may "
  "cause rising sea levels that threaten our port-area facilities over time.",
  {2022: "",
   2024: "In late September 2024, Hurricane Helene caused flooding and extended power outages "
         "at our facilities in Augusta, Georgia and Charlotte, North Carolina, and closed "
         "several of the highways our drivers use, and in October 2024 Hurricane Milton "
         "disrupted our operations in Tampa and Jacksonville. "},
  "Our insurance may not cover all of the losses that could result from such events, and "
  "the cost of property insurance in coastal areas has increased significantly.")

R("ops", "it", ALL,
  {2022: "We depend on our information technology systems, and the replacement of our "
         "transportation management system may not be successful.",
   2023: "We depend on our information technology systems, and the migration to our new "
         "transportation management system may not be completed on schedule or achieve its "
         "expected benefits.",
   2024: "We depend on our information technology systems, and the integration of Cascade's "
         "systems may disrupt our operations."},
  "We rely on information technology to dispatch drivers, schedule terminal appointments, "
  "manage inventory in our warehouses, communicate with customers and bill for our services. "
  "Our systems may be damaged or interrupted by power failures, telecommunications failures, "
  "software defects, natural disasters, human error and cyberattacks, and our backup systems "
  "and disaster recovery plans may not prevent a significant disruption.",
  {2022: "We are replacing our internally developed transportation management system with a "
         "commercial cloud-based platform. Large system implementations are complex, and we "
         "may experience delays, cost overruns, data conversion errors or disruptions to our "
         "operations and billing during the migration.",
   2023: "We completed the migration of our drayage operations to our new transportation "
         "management system in 2023, which caused temporary billing delays that increased our "
         "accounts receivable, and we plan to migrate our truckload and intermodal operations "
         "in 2024. Further delays, cost overruns or disruptions could occur.",
   2024: "We plan to migrate Cascade's warehouse management and billing systems to our "
         "platforms during 2025 and 2026. Until then we will operate two sets of systems, and "
         "the migration may cause errors in inventory records, billing delays or service "
         "failures that could harm our relationships with customers."},
  "We also depend on third-party providers of cloud computing, telematics and software "
  "services, whose failures could disrupt our operations.")

R("ops", "cyber", ALL,
  "Cybersecurity incidents could disrupt our operations, compromise confidential information "
  "and expose us to liability.",
  "We and our vendors are the targets of attempts to gain unauthorized access to our systems "
  "and data, including through phishing, social engineering, ransomware and the exploitation "
  "of software vulnerabilities. These attacks are increasingly sophisticated and are carried "
  "out by criminal organizations and, in some cases, state-sponsored actors. The "
  "transportation sector, and port operations in particular, have been targeted by such "
  "actors.",
  {2022: "A successful attack could prevent us from dispatching drivers or operating our "
         "warehouses, result in the theft of confidential information of our customers and "
         "employees, and require us to make significant expenditures to restore our systems. "
         "Although we have not experienced a cybersecurity incident that was material to our "
         "business, we have experienced attempted attacks, and we may be unable to detect or "
         "prevent future attacks.",
   2023: "A successful attack could prevent us from dispatching drivers or operating our "
         "warehouses, result in the theft of confidential information of our customers and "
         "employees, and require us to make significant expenditures to restore our systems. "
         "We experienced a ransomware attack in May 2023, as described below, and we may be "
         "unable to detect or prevent future attacks. The increasing use of artificial "
         "intelligence by threat actors may make attacks harder to detect.",
   2024: "A successful attack could prevent us from dispatching drivers or operating our "
         "warehouses, result in the theft of confidential information of our customers and "
         "employees, and require us to make significant expenditures to restore our systems. "
         "We experienced a ransomware attack in May 2023, and we may be unable to detect or "
         "prevent future attacks. The systems we acquired with Cascade have not yet been "
         "fully integrated into our security program and may contain vulnerabilities that "
         "we have not yet identified."},
  "A cybersecurity incident could also result in litigation, regulatory investigations, "
  "fines, and damage to our reputation, and our insurance may not cover all resulting "
  "losses. Laws and regulations governing data privacy and the disclosure of cybersecurity "
  "incidents are evolving and increase the cost and complexity of our compliance.")

R("ops", "ransomware", (2023, 2024),
  {2023: "We experienced a ransomware attack in 2023 that disrupted our operations, and we "
         "could experience additional attacks with more severe consequences.",
   2024: "We experienced a ransomware attack in 2023, and a future attack could have more "
         "severe consequences."},
  "On May 9, 2023, we detected ransomware in a portion of our corporate network. We "
  "isolated affected systems, engaged outside forensic experts and notified law "
  "enforcement. Our drayage dispatch and billing systems were unavailable or degraded for "
  "approximately four days, during which we dispatched drivers manually and delayed "
  "invoicing. The attackers copied a limited amount of data, including personal information "
  "of some current and former employees, whom we notified as required by law. We did not "
  "pay a ransom.",
  {2023: "We incurred approximately $6.8 million of costs related to the incident in 2023, "
         "net of expected insurance recoveries, and we may incur additional costs, including "
         "the costs of defending a putative class action lawsuit filed on behalf of affected "
         "employees.",
   2024: "We incurred approximately $6.8 million of costs related to the incident in 2023, "
         "net of insurance recoveries. In 2024 we agreed to settle a class action lawsuit "
         "filed on behalf of affected employees for an amount that was covered by "
         "insurance."},
  "Although we have since strengthened our security controls, including by expanding "
  "multi-factor authentication and endpoint detection, there can be no assurance that these "
  "measures will prevent future incidents, which could have a material adverse effect on our "
  "operations, reputation and financial results.")

R("ops", "personnel", ALL,
  "We depend on our senior management team and other key employees, and the loss of their "
  "services could adversely affect our business.",
  "Our success depends on the experience and relationships of our executive officers and of "
  "the managers of our port terminals and warehouses, many of whom have long tenures with "
  "us and deep relationships with customers, terminal operators and ocean carriers. "
  + "{succession} "
  "We do not maintain key person life insurance on any of our executives. The loss of key "
  "employees, or our failure to attract and develop qualified managers, technicians and "
  "technology professionals, could impair our ability to execute our strategy.")

R("ops", "facilities", ALL,
  "We lease most of our facilities, and we may be unable to renew our leases or find "
  "suitable facilities on acceptable terms.",
  "We lease most of our terminals, container yards and warehouses, and land near major ports "
  "is scarce and expensive. Rents for industrial property near the ports we serve increased "
  "significantly in recent years, and we may be unable to renew our leases at acceptable "
  "rates when they expire. Several of our container yards are located on land leased from "
  "port authorities, which may reclaim the land for terminal expansion or other uses. Our "
  "warehouse leases often have terms longer than the contracts with the customers we serve "
  "in them, and if a customer does not renew its contract we may be unable to find a "
  "replacement customer, leaving us responsible for the rent. These lease obligations, which "
  "are described in Note 7 to our consolidated financial statements, limit our flexibility "
  "to reduce costs when demand declines.")

R("ops", "acquisitions", (2022, 2023),
  "We may be unable to identify, complete or successfully integrate acquisitions.",
  "Acquisitions have been an important part of our growth, and we intend to continue to "
  "pursue them. We may be unable to find suitable acquisition candidates at acceptable "
  "prices, to obtain financing, or to complete acquisitions because of competition from "
  "other buyers, including private equity funds. Acquisitions involve numerous risks, "
  "including difficulties in integrating the operations, systems, personnel and culture of "
  "the acquired business, the loss of its key customers or employees, the diversion of "
  "management's attention, and the assumption of unknown liabilities, such as claims for "
  "accidents, environmental contamination or the misclassification of drivers. We may also "
  "overpay for an acquired business or fail to realize the synergies we expect, which could "
  "result in impairment charges.")

R("ops", "seasonality", (2022, 2023),
  "Our quarterly results fluctuate because of seasonality and other factors, which may cause "
  "our stock price to decline.",
  "Our revenue and operating income are generally lower in the first quarter, when import "
  "volumes are seasonally low and winter weather reduces productivity and increases costs, "
  "and higher in the third and fourth quarters, when retailers stock for the holiday season. "
  "Our quarterly results may also fluctuate because of the timing of the Lunar New Year, "
  "changes in ocean carrier schedules, the timing of the start-up of new warehouse "
  "contracts, adjustments to our claims accruals, and gains or losses on the sale of "
  "equipment. As a result, our results for any quarter are not necessarily indicative of the "
  "results for a full year, and they may fall below the expectations of securities analysts "
  "and investors.")

R("ops", "ai", (2024,),
  "Our use of artificial intelligence may not produce the expected benefits and could expose "
  "us to new risks.",
  "We have begun to use machine-learning models to predict terminal turn times, recommend "
  "dispatch decisions and price freight, and we are evaluating generative artificial "
  "intelligence tools for customer service and back-office tasks. These models may produce "
  "inaccurate, biased or incomplete outputs, and errors in the data used to train them could "
  "lead to poor decisions that harm our service or our margins. Our employees or vendors may "
  "use such tools in ways that expose confidential information. The legal and regulatory "
  "framework for artificial intelligence is developing rapidly in the United States and "
  "elsewhere, and new laws could restrict our use of these technologies or require us to "
  "change how we use them. If our competitors use artificial intelligence more effectively "
  "than we do, our competitive position could suffer.")

# ---- cascade
R("cascade", "integration", (2024,),
  "We may not realize the anticipated benefits of the Cascade acquisition, and integrating "
  "Cascade may be more difficult, costly or time-consuming than we expect.",
  "The Cascade acquisition is the largest in our history. Its success depends on our ability "
  "to retain Cascade's customers and key employees, to integrate its systems and controls, "
  "to sell temperature-controlled services to our existing import customers, and to achieve "
  "the cost savings we expect from combining purchasing, insurance and administrative "
  "functions. Cascade operates in a region and an industry in which we had no prior "
  "experience, and its management team has not previously operated within a public company. "
  "We may encounter unexpected difficulties, including undisclosed liabilities, deferred "
  "maintenance of refrigeration systems, and the departure of customers that prefer an "
  "independent provider.",
  "We excluded Cascade from our assessment of internal control over financial reporting as "
  "of December 31, 2024, as permitted by SEC guidance, and we will need to bring its controls "
  "up to our standards during 2025. If we fail to integrate Cascade successfully, we may not "
  "realize the revenue growth and cost savings we expect, and we could be required to record "
  "impairment charges on the $118.6 million of goodwill and $104.5 million of intangible "
  "assets recorded in the acquisition.")

R("cascade", "food", (2024,),
  "Our cold chain business exposes us to food safety, product liability and regulatory "
  "risks that are new to us.",
  "Through Cascade, we now store and transport frozen and refrigerated food products. A "
  "failure of refrigeration equipment, a power outage, an error in handling, or a pest or "
  "contamination incident could spoil products that we hold for customers, and we could be "
  "liable for their value, which for some customers exceeds the limits of our contractual "
  "liability and insurance. Our cold storage operations are subject to regulations of the "
  "Food and Drug Administration and the Department of Agriculture, including rules under the "
  "Food Safety Modernization Act on sanitary transportation and on traceability records for "
  "certain foods, and to inspections by federal and state authorities. A product recall or "
  "food safety incident involving goods we handled, even if we were not at fault, could "
  "result in claims, the loss of customers and damage to our reputation.")

R("cascade", "refrigerants", (2024,),
  "The cost of electricity and regulation of refrigerants could increase the costs of our "
  "cold storage operations.",
  "Refrigerated warehouses consume large amounts of electricity, and utility rates in the "
  "Pacific Northwest and California have increased and may continue to increase, including "
  "because of investments by utilities in wildfire mitigation and the growth in demand from "
  "data centers. Many of our cold storage facilities use anhydrous ammonia refrigeration "
  "systems, which are subject to process safety regulations and could cause injuries or "
  "environmental damage if released. Other facilities use hydrofluorocarbon refrigerants, "
  "whose production and use the Environmental Protection Agency is phasing down under the "
  "American Innovation and Manufacturing Act of 2020, which may require us to replace "
  "equipment earlier than we planned.")

# ---- regulation and litigation
R("reg", "dot", ALL,
  "We operate in a highly regulated industry, and changes in existing regulations or "
  "violations of regulations could increase our costs or restrict our operations.",
  "Our motor carrier operations are subject to regulation by the DOT, the FMCSA and state "
  "agencies governing, among other things, driver qualifications, hours of service, vehicle "
  "size and weight, equipment safety, drug and alcohol testing and insurance requirements. "
  "Our customs brokerage and freight brokerage operations are subject to licensing "
  "requirements, and our drivers must maintain security credentials to enter marine "
  "terminals. We may become subject to new or more restrictive regulations, such as "
  "requirements for speed limiters on heavy trucks, changes to the hours-of-service rules, "
  "or changes to the methodology by which the FMCSA scores carrier safety performance. "
  + "{dot_clause} "
  "Compliance with new regulations could reduce the productivity of our drivers and "
  "equipment and increase our costs, and a failure to comply could result in fines, a "
  "downgrade of our safety rating or the suspension of our operating authority.")

R("reg", "environment", ALL,
  {2022: "Environmental laws and regulations, including regulations intended to reduce "
         "greenhouse gas emissions, could increase our costs and liabilities.",
   2023: "Environmental laws and regulations, including California's Advanced Clean Fleets "
         "regulation, could significantly increase our costs and restrict our operations.",
   2024: "Environmental laws and regulations, and uncertainty about their future, could "
         "increase our costs and make it difficult to plan our fleet investments."},
  "We are subject to environmental laws governing air emissions, the storage and disposal of "
  "fuel, oil and hazardous materials, stormwater and the remediation of contamination. Some "
  "of our facilities have been used for decades for fueling and maintenance, and we could be "
  "responsible for contamination at those sites regardless of fault.",
  {2022: "Federal and state authorities, particularly in California, have adopted or proposed "
         "regulations to reduce emissions from heavy-duty trucks, including a proposed "
         "requirement that drayage trucks serving California ports be zero-emission by 2035. "
         "Such regulations could require us to replace equipment before the end of its useful "
         "life with zero-emission vehicles that are more expensive and less proven, and "
         "charging infrastructure may not be available where we need it.",
   2023: "CARB's Advanced Clean Fleets regulation, adopted in April 2023, requires that "
         "drayage trucks added to the state registry from 2024 be zero-emission and that all "
         "drayage trucks serving California ports be zero-emission by 2035. Zero-emission "
         "tractors currently cost two to three times as much as diesel tractors, have shorter "
         "ranges and longer refueling times, and depend on charging infrastructure that is "
         "not yet available at many of our facilities. Other states may adopt similar rules. "
         "The regulation has been challenged in court, and the federal waiver CARB needs to "
         "enforce parts of it has not been granted, which makes the timing of our investments "
         "uncertain.",
   2024: "In January 2025, CARB withdrew its request for a federal waiver for the Advanced "
         "Clean Fleets regulation and stated that it would not enforce the regulation's "
         "drayage requirements against private fleets, after we had already begun to invest "
         "in zero-emission tractors and charging infrastructure in California. The new "
         "federal administration has stated that it intends to reconsider federal greenhouse "
         "gas standards for heavy-duty vehicles, while California and other states may adopt "
         "new measures. This uncertainty makes it difficult to plan our fleet purchases, and "
         "our investments in zero-emission equipment may not earn the returns we expected."},
  "Costs and liabilities arising under environmental laws could have a material adverse "
  "effect on our results of operations.")

R("reg", "esg", ALL,
  {2022: "Increasing attention to environmental, social and governance matters may affect "
         "our business and our access to capital.",
   2024: "Divergent expectations regarding sustainability and other environmental, social and "
         "governance matters may affect our business and our access to capital."},
  "Customers, investors, lenders and employees increasingly evaluate companies on their "
  "environmental and social practices, including their greenhouse gas emissions, safety "
  "records and workforce practices. Many of our largest customers have adopted emissions "
  "reduction goals that include the emissions of their transportation providers, and they "
  "may favor providers with lower-emission fleets. We have announced a goal to reduce the "
  "emissions intensity of our fleet by 2030, and we may be unable to achieve it, in part "
  "because it depends on the availability of technology and infrastructure outside our "
  "control.",
  {2022: "If we fail to meet the expectations of our stakeholders, our reputation, our "
         "ability to win business and our access to capital could be harmed.",
   2024: "At the same time, some investors, legislators and government officials have "
         "criticized companies for pursuing such goals, and several states have adopted laws "
         "restricting the consideration of environmental and social factors in certain "
         "decisions. We may be criticized by either side, and navigating these divergent "
         "views may increase our costs and harm our reputation."})

R("reg", "climate_rules", (2023, 2024),
  {2023: "New climate-related disclosure requirements will increase our compliance costs and "
         "could expose us to litigation.",
   2024: "Climate-related disclosure requirements could increase our compliance costs and "
         "expose us to litigation, and their future is uncertain."},
  {2023: "In October 2023, California enacted laws that will require companies that do "
         "business in the state and exceed specified revenue thresholds, including us, to "
         "disclose their greenhouse gas emissions, including emissions from their value "
         "chains, beginning in 2026, to obtain assurance over those disclosures, and to "
         "publish reports on their climate-related financial risks. The SEC has also proposed "
         "rules that would require disclosure of climate-related risks and emissions in our "
         "periodic reports.",
   2024: "California has enacted laws that will require companies that do business in the "
         "state and exceed specified revenue thresholds, including us, to disclose their "
         "greenhouse gas emissions, including emissions from their value chains, and to "
         "publish reports on their climate-related financial risks, beginning in 2026. These "
         "laws have been challenged in court, and the California Air Resources Board has not "
         "yet adopted implementing regulations. In March 2024, the SEC adopted rules requiring "
         "climate-related disclosures in periodic reports, but it stayed the rules pending "
         "judicial review, and their future is uncertain."},
  "Measuring emissions across a logistics network that relies on thousands of third-party "
  "carriers is complex, and the methodologies are still developing. Compliance will require "
  "us to invest in data systems, personnel and third-party assurance, and our disclosures "
  "could be challenged by regulators, investors or activists, exposing us to litigation and "
  "reputational harm.")

R("reg", "clearinghouse", (2022,),
  "The FMCSA Drug and Alcohol Clearinghouse and changes in drug testing rules may reduce the "
  "pool of qualified drivers.",
  "Since January 2020, motor carriers have been required to query the FMCSA Drug and "
  "Alcohol Clearinghouse before hiring drivers and annually for current drivers, and "
  "drivers with drug or alcohol violations are prohibited from driving until they complete "
  "a return-to-duty process. Many drivers have been removed from the workforce as a result. "
  "Beginning in November 2024, state licensing agencies will be required to downgrade the "
  "commercial driver's licenses of drivers who are prohibited from driving. In addition, the "
  "DOT may permit or require hair testing for drugs, which detects drug use over a longer "
  "period than urine testing. These developments may further reduce the number of drivers "
  "available to us and increase our recruiting costs.")

R("reg", "tax", ALL,
  "Changes in tax laws and the outcome of tax audits could adversely affect our results.",
  "We are subject to income and other taxes in the United States and in the states in which "
  "we operate. Changes in tax laws, including changes in rates, the deductibility of "
  "interest and the treatment of capital expenditures, could increase our effective tax "
  "rate. "
  + "{tax_clause} "
  "We are also subject to fuel taxes, highway use taxes and tolls, and federal and state "
  "governments may increase these taxes or adopt new charges, such as taxes based on "
  "vehicle miles traveled, to fund infrastructure. Our tax returns are subject to audit, and "
  "the outcome of audits could differ from the amounts we have recorded.")

R("reg", "trade", (2022, 2023),
  "Changes in international trade policy could reduce the volume of goods moving through "
  "the ports we serve.",
  "Tariffs imposed by the United States on goods imported from China and other countries "
  "in recent years, and retaliatory tariffs imposed by other countries, have affected the "
  "sourcing decisions of many of our customers. Further tariffs, sanctions, export controls "
  "or other restrictions on trade could reduce import volumes, cause importers to shift "
  "their sourcing to countries whose goods enter through ports we do not serve, or cause "
  "manufacturing to move to Mexico, which would increase cross-border trucking at the "
  "expense of ocean imports. Political tensions between the United States and China could "
  "escalate in ways that significantly disrupt trade. We cannot predict future changes in "
  "trade policy or their effect on our business.")

R("reg", "privacy", (2024,),
  "We are subject to evolving data privacy laws that could increase our costs and expose us "
  "to liability.",
  "We collect and process personal information of our employees, drivers, owner-operators "
  "and the personnel of our customers, including information captured by driver-facing "
  "cameras and telematics systems. A growing number of states have adopted comprehensive "
  "privacy laws, and the California Consumer Privacy Act, as amended, applies to employee "
  "and business-to-business data. Laws governing biometric information, such as the "
  "Illinois Biometric Information Privacy Act, have resulted in significant litigation "
  "against trucking companies that use cameras and fingerprint scanners. Compliance with "
  "these laws is costly and complex, and any failure to comply could result in fines, "
  "private litigation and reputational harm.")

R("reg", "litigation", ALL,
  {2022: "We are subject to litigation, including class action litigation alleging "
         "violations of wage and hour laws, which could result in significant expenses.",
   2024: "We are subject to litigation, including class and collective actions alleging "
         "violations of wage and hour laws, which could result in significant expenses."},
  "In the ordinary course of business we are party to lawsuits involving personal injury, "
  "property damage, cargo claims, employment matters and commercial disputes. Companies in "
  "our industry, particularly in California, have been the subject of class and "
  "representative actions alleging failure to pay for all hours worked, failure to provide "
  "meal and rest breaks, failure to reimburse business expenses and misclassification of "
  "owner-operators, and some of these actions have resulted in large settlements. "
  + "{litigation_clause} "
  "The outcome of litigation is inherently uncertain, and adverse outcomes, or the cost of "
  "defending claims, could have a material adverse effect on our financial condition and "
  "results of operations.")

# ---- indebtedness and financial
R("fin", "debt", ALL,
  {2022: "Our credit facility contains covenants that restrict our activities, and a breach "
         "of those covenants could result in the acceleration of our debt.",
   2024: "We have substantially increased our indebtedness to finance the Cascade acquisition, "
         "and our debt agreements contain covenants that restrict our activities."},
  {2022: "At December 31, 2022, we had {ltd} of borrowings outstanding under our revolving "
         "credit facility. The credit agreement requires us to maintain a maximum consolidated "
         "leverage ratio and a minimum interest coverage ratio, and it limits our ability to "
         "incur additional debt, grant liens, make acquisitions and investments, pay dividends "
         "and repurchase shares.",
   2023: "At December 31, 2023, we had {ltd} of borrowings outstanding under our revolving "
         "credit facility. The credit agreement requires us to maintain a maximum consolidated "
         "leverage ratio and a minimum interest coverage ratio, and it limits our ability to "
         "incur additional debt, grant liens, make acquisitions and investments, pay dividends "
         "and repurchase shares.",
   2024: "At December 31, 2024, we had $328.9 million of total debt outstanding, compared "
         "with $110.0 million a year earlier, including $223.9 million under the term loan we "
         "entered into in June 2024 to finance the Cascade acquisition. Our credit agreement "
         "requires us to maintain a maximum consolidated net leverage ratio, which increases "
         "temporarily to 3.75 to 1.00 for four quarters after the acquisition, and a minimum "
         "interest coverage ratio, and it limits our ability to incur additional debt, grant "
         "liens, make acquisitions and investments, pay dividends and repurchase shares."},
  {2022: "Our ability to comply with these covenants may be affected by events beyond our "
         "control, such as a recession. A breach could result in an event of default that "
         "permits our lenders to accelerate repayment and terminate their commitments.",
   2024: "Our increased debt requires us to dedicate a larger portion of our cash flow to "
         "interest and principal, reduces our flexibility to respond to a downturn, and "
         "caused us to suspend share repurchases after the acquisition. Borrowings under "
         "the credit agreement bear interest at variable rates, so increases in interest "
         "rates increase our interest expense. Our ability to comply with the financial "
         "covenants may be affected by events beyond our control, such as a prolonged port "
         "disruption or a recession, and a breach could result in an event of default that "
         "permits our lenders to accelerate repayment and terminate their commitments."})

R("fin", "goodwill", ALL,
  "We may be required to record impairment charges on goodwill, intangible assets or other "
  "long-lived assets.",
  "At December 31, {fy}, we had {goodwill} of goodwill and {intang} of other intangible "
  "assets, principally from acquisitions. We test goodwill for impairment at least annually "
  "and whenever events indicate that the carrying value of a reporting unit may exceed its "
  "fair value. A decline in freight volumes, a loss of significant customers, an increase in "
  "interest rates or a sustained decline in our stock price could cause us to conclude that "
  "goodwill or other assets are impaired. "
  + "{goodwill_clause} "
  "An impairment charge could have a material adverse effect on our results of operations "
  "for the period in which it is recorded.")

R("fin", "estimates", (2022, 2023),
  "Our financial results depend on estimates and judgments that may prove to be incorrect.",
  "The preparation of our financial statements requires management to make estimates and "
  "judgments, including estimates of claims liabilities, the useful lives and salvage values "
  "of equipment, the fair value of reporting units and acquired intangible assets, and the "
  "amount of revenue earned on shipments in transit at the end of a period. Actual results "
  "may differ from these estimates, and changes in our estimates could cause our results to "
  "differ from our expectations and from the expectations of analysts. New accounting "
  "standards, or changes in the interpretation of existing standards, could also affect our "
  "reported results.")

# ---- common stock
R("stock", "volatility", ALL,
  "The market price of our common stock may be volatile.",
  "The market price of our common stock has fluctuated significantly and may continue to do "
  "so in response to many factors, including variations in our quarterly results, changes "
  "in freight market conditions and in the results of our competitors, announcements of "
  "acquisitions or the loss of customers, changes in estimates or recommendations by "
  "securities analysts, developments in trade policy or port labor relations, and general "
  "market conditions. The stock prices of transportation companies are particularly "
  "sensitive to expectations about the freight cycle. These fluctuations may be unrelated to "
  "our operating performance.")

R("stock", "dividends", (2022, 2023),
  "We may not continue to pay dividends or repurchase shares at current levels.",
  "We have paid quarterly cash dividends since 2011 and have repurchased shares under "
  "programs authorized by our Board of Directors. The declaration of future dividends and "
  "the amount and timing of repurchases are at the discretion of our Board of Directors and "
  "depend on our results of operations, cash flows, capital requirements, covenants in our "
  "credit agreement and other factors. Our Board may reduce or eliminate dividends or "
  "suspend repurchases at any time, which could cause the market price of our common stock "
  "to decline.")

R("stock", "antitakeover", ALL,
  "Provisions of Delaware law and of our charter documents could delay or prevent a change "
  "in control.",
  "Our certificate of incorporation and bylaws authorize our Board of Directors to issue "
  "preferred stock without stockholder approval, require advance notice of stockholder "
  "proposals and nominations, prohibit stockholder action by written consent, and designate "
  "the Court of Chancery of the State of Delaware as the exclusive forum for certain "
  "disputes. Section 203 of the Delaware General Corporation Law restricts business "
  "combinations with interested stockholders. These provisions could discourage, delay or "
  "prevent a transaction that some stockholders consider favorable, and could limit the "
  "price that investors are willing to pay for our common stock.")


def fill(c):
    k = __import__("business").fleet(c)
    f = c.f
    return dict(
        imp={2022: "72%", 2023: "69%", 2024: "64%"}[c.fy],
        fuelpct=c.share("fuel"), top10=k["top10"], largest=k["largest"],
        inspct=c.share("insurance"), fy=c.fy,
        retention={2022: "$3.0 million", 2023: "$5.0 million", 2024: "$5.0 million"}[c.fy],
        ltd=c.m("revolver"), goodwill=c.m("goodwill"), intang=c.m("intang"),
        inflation_clause=c.v({
            2022: "Inflation in the United States reached its highest level in four decades in "
                  "2022, and our costs for driver wages, parts and equipment increased "
                  "significantly. The Federal Reserve raised interest rates rapidly during the "
                  "year.",
            2023: "Although inflation moderated during 2023, our costs for wages, insurance, "
                  "equipment and rent remain well above pre-pandemic levels, and interest rates "
                  "remain at their highest levels in more than fifteen years."}),
        used_equipment=c.v({2022: "in the second half of 2022",
                            2023: "during 2023", 2024: "in 2023 and 2024"}),
        succession=c.v({2022: "Our Chief Operating Officer has announced his intention to "
                              "retire in 2023, and we must manage an orderly transition of his "
                              "responsibilities.",
                        2023: "Our Chief Operating Officer assumed her position in June 2023, "
                              "following the retirement of her predecessor after 29 years with "
                              "the Company.",
                        2024: "The success of the Cascade acquisition depends in part on the "
                              "continued service of Cascade's senior managers."}),
        dot_clause=c.v({2022: "The FMCSA has announced its intention to propose a rule "
                              "requiring speed limiters on most heavy trucks.",
                        2024: "The FMCSA has proposed a rule requiring speed limiters on most "
                              "heavy trucks, and its timing and content remain uncertain."}),
        tax_clause=c.v({2022: "The Inflation Reduction Act of 2022 imposed a 1% excise tax on "
                              "share repurchases beginning in 2023.",
                        2023: "The 1% excise tax on share repurchases that took effect in 2023 "
                              "increases the cost of our repurchase program.",
                        2024: "Provisions of the Tax Cuts and Jobs Act of 2017 are scheduled to "
                              "expire after 2025, and the new administration and Congress have "
                              "proposed significant changes to the tax code whose effect on us "
                              "we cannot predict."}),
        litigation_clause=c.v({2022: "We are currently a defendant in a putative class action in "
                                     "California alleging such claims, as described in Item 3.",
                               2023: "We are currently a defendant in a putative class action in "
                                     "California alleging such claims and in a putative class "
                                     "action arising from the May 2023 ransomware incident, as "
                                     "described in Item 3.",
                               2024: "In 2024 we agreed to pay $14.5 million to settle a class "
                                     "action in California alleging such claims, and similar "
                                     "claims could be brought in other states."}),
        goodwill_clause=c.v({2022: "",
                             2023: "The decline in freight volumes in 2023 reduced the excess of "
                                   "fair value over carrying value of our Truckload and "
                                   "Intermodal reporting unit.",
                             2024: "Because the Cascade acquisition was recorded at fair value "
                                   "in July 2024, the fair value of the Cold Chain reporting unit "
                                   "does not significantly exceed its carrying value, and a "
                                   "modest shortfall in its results could lead to an "
                                   "impairment."}),
    )


def item1a(c):
    vals = fill(c)
    b = [P("An investment in our common stock involves risks. You should carefully consider the "
           "risks described below, together with the other information in this Annual Report on "
           "Form 10-K, including [[i7|Item 7, Management's Discussion and Analysis of Financial "
           "Condition and Results of Operations]], and our consolidated financial statements and "
           "related notes. Any of these risks could materially and adversely affect our "
           "business, financial condition, results of operations and cash flows, and the "
           "trading price of our common stock could decline. The risks described below are not "
           "the only ones we face; additional risks that we currently do not know about or that "
           "we currently believe to be immaterial may also impair our business. Many of these "
           "risks are interrelated, and the occurrence of one may increase the likelihood or "
           "the severity of others.")]
    for cat, title in CATS:
        items = [r for r in RISKS if r["cat"] == cat and c.fy in r["years"]]
        t = c.v(title)
        if not items or not t:
            continue
        b.append(H(t))
        for r in items:
            title = r["title"] if isinstance(r["title"], str) else c.v(r["title"])
            b.append(H3(title))
            for p in r["paras"]:
                text = p if isinstance(p, str) else c.v(p)
                text = text.format(**vals).strip()
                if text:
                    b.append(P(text))
    return b


def count(fy):
    return sum(1 for r in RISKS if fy in r["years"])
