// Everyday queries on the sample data (data/): what a resident would type, and where it must lead.
// Written by asking "what would a resident type?" for every boundary and a dozen services; not copied from titles.
//
// q:     what is typed into the search box (short, as people talk on a phone).
// want:  what the resident is looking for, in words.
// href:  acceptable targets; a result matches when its link ends with (or contains) one of them.
//        Several only where each is a genuinely right answer (the boundary page and the lead
//        department's work item that handles exactly this).
// first: the target must be the first result (department-name queries only); otherwise top 3.
// Pinyin queries are used only where the target text contains the Chinese words spelled.
export const everyday = [
  // ── Boundary: environmental-noise (环保局 lead; 公安局 social noise, 城管局 night construction, 住建局) ──
  { q: "噪音", want: "the environmental-noise boundary", href: ["boundaries/environmental-noise.html"] },
  { q: "建筑施工噪音", want: "the noise boundary, or 城管局's night construction-noise work item", href: ["boundaries/environmental-noise.html", "departments/chengguan.html#item-d05-1"] },
  { q: "工地晚上施工吵", want: "the noise boundary, or 城管局's night construction-noise work item", href: ["boundaries/environmental-noise.html", "departments/chengguan.html#item-d05-1"] },
  { q: "半夜还在打桩", want: "the noise boundary, or 城管局's night construction-noise work item", href: ["boundaries/environmental-noise.html", "departments/chengguan.html#item-d05-1"] },
  { q: "广场舞音响太吵", want: "the noise boundary (公安局: loudspeakers in residential areas)", href: ["boundaries/environmental-noise.html"] },
  { q: "楼下KTV太吵", want: "the noise boundary (公安局: loud indoor entertainment)", href: ["boundaries/environmental-noise.html"] },
  { q: "隔壁工厂机器声音大", want: "the noise boundary, or 环保局's industrial-noise work item", href: ["boundaries/environmental-noise.html", "departments/huanbao.html#item-d02-3"] },
  { q: "店门口放喇叭拉客", want: "the noise boundary (城管局: shops using loudspeakers to attract customers)", href: ["boundaries/environmental-noise.html"] },
  { q: "噪音扰民打什么电话", want: "the noise boundary", href: ["boundaries/environmental-noise.html"] },
  { q: "zaosheng", want: "the noise boundary (pinyin of 噪声)", href: ["boundaries/environmental-noise.html"] },

  // ── Boundary: water-pollution (环保局 lead; 农业局 dead fish, 水利水电局, 住建局 water supply) ──
  { q: "河里死鱼了", want: "the water-pollution boundary", href: ["boundaries/water-pollution.html"] },
  { q: "河水发黑发臭", want: "the water-pollution boundary", href: ["boundaries/water-pollution.html"] },
  { q: "船往江里倒脏东西", want: "the water-pollution boundary (ship dumping sludge)", href: ["boundaries/water-pollution.html"] },
  { q: "工厂偷偷排污水", want: "the water-pollution boundary, or 环保局's work item on illegal discharge", href: ["boundaries/water-pollution.html", "departments/huanbao.html#item-d05-2"] },
  { q: "养的鱼被毒死了", want: "the water-pollution boundary, or 农业局's fishery-pollution work item", href: ["boundaries/water-pollution.html", "departments/nongye.html#item-d04-4"] },
  { q: "河水污染找哪个部门", want: "the water-pollution boundary", href: ["boundaries/water-pollution.html"] },
  { q: "siyu", want: "the water-pollution boundary (pinyin of 死鱼)", href: ["boundaries/water-pollution.html"] },

  // ── Boundary: waste-plastic-recycling (环保局 lead; 市场监管局 unlicensed business) ──
  { q: "废品站烧塑料", want: "the waste-plastic recycling boundary", href: ["boundaries/waste-plastic-recycling.html"] },
  { q: "收塑料的污水排到沟里", want: "the waste-plastic recycling boundary", href: ["boundaries/waste-plastic-recycling.html"] },
  { q: "收破烂的没执照还污染", want: "the waste-plastic recycling boundary", href: ["boundaries/waste-plastic-recycling.html"] },
  { q: "洗旧塑料的作坊臭死了", want: "the waste-plastic recycling boundary", href: ["boundaries/waste-plastic-recycling.html"] },

  // ── Boundary: hazardous-chemicals (安监局 lead; 环保, 公安, 市场监管, 交通, 卫计) ──
  { q: "槽罐车翻了", want: "the hazardous-chemicals boundary", href: ["boundaries/hazardous-chemicals.html"] },
  { q: "运化学品的车翻了", want: "the hazardous-chemicals boundary", href: ["boundaries/hazardous-chemicals.html"] },
  { q: "化学品泄漏怎么办", want: "the hazardous-chemicals boundary", href: ["boundaries/hazardous-chemicals.html"] },
  { q: "毒气泄漏", want: "the hazardous-chemicals boundary", href: ["boundaries/hazardous-chemicals.html"] },

  // ── Boundary: illegal-parking (公安局 lead; 城管局 pavements, 交通局 taxis at stops) ──
  { q: "乱停车", want: "the illegal-parking boundary", href: ["boundaries/illegal-parking.html"] },
  { q: "人行道上停满车", want: "the illegal-parking boundary", href: ["boundaries/illegal-parking.html"] },
  { q: "车停在公交站台", want: "the illegal-parking boundary", href: ["boundaries/illegal-parking.html"] },
  { q: "乱停车找交警还是城管", want: "the illegal-parking boundary", href: ["boundaries/illegal-parking.html"] },
  { q: "车被拖走了", want: "公安局's towing work item, or the illegal-parking boundary", href: ["departments/gongan.html#item-d03-2", "boundaries/illegal-parking.html"] },
  { q: "违停罚多少钱", want: "公安局's parking-penalty discretion regime", href: ["departments/gongan.html#regime-jtwf-cl"] },

  // ── Taxis and unlicensed cabs (交通局) ──
  { q: "出租车", want: "交通局's work item on taxis and unlicensed cabs", href: ["departments/jiaotong.html#item-d04-4"] },
  { q: "黑车", want: "交通局's work item on unlicensed cabs", href: ["departments/jiaotong.html#item-d04-4"] },
  { q: "heiche", want: "交通局's work item on unlicensed cabs (pinyin of 黑车)", href: ["departments/jiaotong.html#item-d04-4"] },

  // ── Boundary: illegal-land-use (国土局 lead; 城管局 illegal buildings in the town, 住建局, 农业局) ──
  { q: "违章建筑", want: "the illegal-land-use boundary, or 城管局's illegal-building duty / work item", href: ["boundaries/illegal-land-use.html", "departments/chengguan.html#duty-d03", "departments/chengguan.html#item-d03-2"] },
  { q: "违建举报电话", want: "the illegal-land-use boundary, or 城管局's illegal-building duty / work item", href: ["boundaries/illegal-land-use.html", "departments/chengguan.html#duty-d03", "departments/chengguan.html#item-d03-2"] },
  { q: "私搭乱建", want: "the illegal-land-use boundary, or 城管局's illegal-building work items", href: ["boundaries/illegal-land-use.html", "departments/chengguan.html#item-d03-1", "departments/chengguan.html#item-d03-2"] },
  { q: "有人在农田上盖房子", want: "the illegal-land-use boundary", href: ["boundaries/illegal-land-use.html"] },
  { q: "占耕地建房", want: "the illegal-land-use boundary", href: ["boundaries/illegal-land-use.html"] },

  // ── Boundary: forest-fire (林业局 lead; 公安局, 安监局) ──
  { q: "山上着火了", want: "the forest-fire boundary", href: ["boundaries/forest-fire.html"] },
  { q: "上坟烧纸把山烧了", want: "the forest-fire boundary", href: ["boundaries/forest-fire.html"] },
  { q: "山林起火打什么电话", want: "the forest-fire boundary", href: ["boundaries/forest-fire.html"] },
  { q: "野外烧荒", want: "the forest-fire boundary, or 林业局's work item on unauthorised outdoor fires", href: ["boundaries/forest-fire.html", "departments/linye.html#item-d02-4"] },
  { q: "清明上坟放鞭炮", want: "the forest-fire boundary, or 林业局's fire-danger forecast and publicity service", href: ["boundaries/forest-fire.html", "departments/linye.html#service-senlin-huoxian"] },

  // ── Boundary: wage-arrears (人力社保局 lead; 住建局, 公安局, 司法局) ──
  { q: "老板拖欠工资", want: "the wage-arrears boundary, or 人力社保局's unpaid-wage complaint work item", href: ["boundaries/wage-arrears.html", "departments/renshe.html#item-d06-2"] },
  { q: "包工头跑路了", want: "the wage-arrears boundary", href: ["boundaries/wage-arrears.html"] },
  { q: "讨薪", want: "the wage-arrears boundary", href: ["boundaries/wage-arrears.html"] },
  { q: "工资不发怎么办", want: "the wage-arrears boundary, or 人力社保局's unpaid-wage complaint work item", href: ["boundaries/wage-arrears.html", "departments/renshe.html#item-d06-2"] },
  { q: "tuoqian gongzi", want: "the wage-arrears boundary, or 人力社保局's unpaid-wage work item (pinyin of 拖欠工资)", href: ["boundaries/wage-arrears.html", "departments/renshe.html#item-d06-2"] },
  { q: "农民工讨工钱请律师", want: "司法局's free legal aid for migrant workers, or the wage-arrears boundary", href: ["departments/sifa.html#item-d05-3", "boundaries/wage-arrears.html"] },

  // ── Boundary: food-safety (市场监管局 lead; 农业, 卫计, 教育, 林业) ──
  { q: "吃坏肚子", want: "the food-safety boundary", href: ["boundaries/food-safety.html"] },
  { q: "食物中毒", want: "the food-safety boundary", href: ["boundaries/food-safety.html"] },
  { q: "学校食堂吃出问题", want: "the food-safety boundary, or the school-canteen regimes", href: ["boundaries/food-safety.html", "departments/shichang.html#regime-zdcy", "departments/jiaoyu.html#regime-shitang-xiaoche"] },
  { q: "饭店不干净", want: "市场监管局's restaurant food-safety work item, or the food-safety boundary", href: ["departments/shichang.html#item-d02-4", "boundaries/food-safety.html"] },
  { q: "买到过期食品投诉", want: "市场监管局's 12315 complaint work item, or the food-safety boundary", href: ["departments/shichang.html#item-d06-1", "boundaries/food-safety.html"] },
  { q: "菜上农药多能检测吗", want: "市场监管局's free quick-test service at farmers' markets", href: ["departments/shichang.html#service-nongmao-kuaijian"] },

  // ── Cooking fumes and street order (城管局) ──
  { q: "楼下饭店油烟太大", want: "城管局's work item on cooking-fume pollution", href: ["departments/chengguan.html#item-d05-3"] },
  { q: "路边烧烤烟太大", want: "城管局's work item on open-air barbecues", href: ["departments/chengguan.html#item-d05-3"] },
  { q: "youyan", want: "城管局's work item on cooking-fume pollution (pinyin of 油烟)", href: ["departments/chengguan.html#item-d05-3"] },
  { q: "小广告", want: "城管局's work item on fly-posting and unauthorised ads", href: ["departments/chengguan.html#item-d02-4"] },
  { q: "路边摆摊", want: "城管局's work items on street stalls", href: ["departments/chengguan.html#item-d02-1", "departments/chengguan.html#item-d02-2"] },
  { q: "渣土车掉泥", want: "城管局's work item on spilled construction waste", href: ["departments/chengguan.html#item-d04-2"] },
  { q: "路灯不亮", want: "城管局's repair-on-report service", href: ["departments/chengguan.html#service-shizheng-baoxiu"] },
  { q: "井盖丢了", want: "城管局's repair-on-report service", href: ["departments/chengguan.html#service-shizheng-baoxiu"] },
  { q: "附近哪里有厕所", want: "城管局's open-toilets service", href: ["departments/chengguan.html#service-cesuo-kaifang"] },

  // ── Health (卫计局) ──
  { q: "打疫苗", want: "卫计局's immunisation work item", href: ["departments/weisheng.html#item-d02-1"] },
  { q: "小孩打预防针", want: "卫计局's immunisation work item", href: ["departments/weisheng.html#item-d02-1"] },
  { q: "yimiao", want: "卫计局's immunisation work item (pinyin of 疫苗)", href: ["departments/weisheng.html#item-d02-1"] },
  { q: "免费量血压", want: "卫计局's county-doctors-in-villages service", href: ["departments/weisheng.html#service-mingyi-xiaxiang"] },
  { q: "最近流感多不多", want: "卫计局's epidemic and seasonal health alerts", href: ["departments/weisheng.html#service-yiqing-tishi"] },
  { q: "游泳池水干不干净", want: "卫计局's public-places hygiene regime or work item", href: ["departments/weisheng.html#regime-yinyongshui-ggcs", "departments/weisheng.html#item-d03-1"] },

  // ── Markets and consumers (市场监管局) ──
  { q: "被关在电梯里", want: "市场监管局's lift-rescue service", href: ["departments/shichang.html#service-dianti-jiuyuan"] },
  { q: "dianti kunren", want: "市场监管局's lift-rescue service (pinyin of 电梯困人)", href: ["departments/shichang.html#service-dianti-jiuyuan"] },
  { q: "买到假货", want: "市场监管局's consumer complaint / counterfeit work items or the 3·15 service", href: ["departments/shichang.html#item-d06-1", "departments/shichang.html#item-d06-4", "departments/shichang.html#service-xiaofei-315"] },
  { q: "缺斤少两", want: "市场监管局's work item on short weight", href: ["departments/shichang.html#item-d04-2"] },
  { q: "开小吃店要办什么证", want: "市场监管局's food-business licence regime or work item", href: ["departments/shichang.html#regime-spjy-xk", "departments/shichang.html#item-d02-1"] },

  // ── Water supply, housing, building (住建局) ──
  { q: "停水了", want: "住建局's 24-hour water-supply hotline", href: ["departments/zhujian.html#service-gongshui-rexian"] },
  { q: "水管爆了找谁修", want: "住建局's 24-hour water-supply hotline", href: ["departments/zhujian.html#service-gongshui-rexian"] },
  { q: "新房子漏水投诉", want: "住建局's building-quality complaint work item", href: ["departments/zhujian.html#item-d03-4"] },
  { q: "老房子墙裂了危险", want: "住建局's dangerous-houses work item", href: ["departments/zhujian.html#item-d04-3"] },
  { q: "申请廉租房", want: "住建局's public rental housing work item", href: ["departments/zhujian.html#item-d04-2"] },
  { q: "农村自己盖房子找谁指导", want: "住建局's free on-site guidance for rural house building", href: ["departments/zhujian.html#service-nongfang-sidaochang"] },
  { q: "农村批地建房", want: "the homestead-approval regimes (国土局 land, 住建局 planning)", href: ["departments/guotu.html#regime-zhaijidi", "departments/zhujian.html#regime-xiangcun-guihua"] },

  // ── Police (公安局) ──
  { q: "接到诈骗电话", want: "公安局's anti-fraud service or the fraud work item", href: ["departments/gongan.html#service-fangzha-xuanchuan", "departments/gongan.html#item-d01-2"] },
  { q: "被骗钱了", want: "公安局's fraud work item (stop-payment on report)", href: ["departments/gongan.html#item-d01-2"] },
  { q: "老人办身份证出不了门", want: "公安局's home ID-card service", href: ["departments/gongan.html#service-shenfenzheng-shangmen"] },
  { q: "身份证丢了补办", want: "公安局's ID-card work item", href: ["departments/gongan.html#item-d04-1"] },
  { q: "开旅馆要办什么证", want: "公安局's hotel-licence regime or work item", href: ["departments/gongan.html#regime-tzhy-xk", "departments/gongan.html#item-d02-1"] },
  { q: "交警电话", want: "公安局's traffic police brigade", href: ["departments/gongan.html#section-jjdd"] },

  // ── Jobs, wages, injuries (人力社保局); legal help (司法局) ──
  { q: "找工作", want: "人力社保局's job-fair service", href: ["departments/renshe.html#service-zhaopinhui"] },
  { q: "创业借钱", want: "人力社保局's start-up loan service", href: ["departments/renshe.html#service-chuangye-daikuan"] },
  { q: "上班受伤了", want: "人力社保局's work-injury recognition work item", href: ["departments/renshe.html#item-d05-1"] },
  { q: "请不起律师", want: "司法局's legal hotline service or legal-aid work item", href: ["departments/sifa.html#service-falv-zixun", "departments/sifa.html#item-d05-1"] },

  // ── Schools (教育局) ──
  { q: "孩子上小学报名", want: "教育局's enrolment service or school-catchment work item", href: ["departments/jiaoyu.html#service-ruxue-zixun", "departments/jiaoyu.html#item-d02-1"] },
  { q: "学校操场能进去锻炼吗", want: "教育局's open school sports grounds service", href: ["departments/jiaoyu.html#service-changdi-kaifang"] },
  { q: "孩子下河游泳危险", want: "教育局's drowning-prevention alerts", href: ["departments/jiaoyu.html#service-fangnishui"] },
  { q: "学生补助", want: "教育局's student-aid funds regime or work item", href: ["departments/jiaoyu.html#regime-zizhu-zijin", "departments/jiaoyu.html#item-d05-1"] },
  { q: "校车安全", want: "教育局's school canteen and school bus regime or school-bus work item", href: ["departments/jiaoyu.html#regime-shitang-xiaoche", "departments/jiaoyu.html#item-d06-3"] },

  // ── Roads, buses, floods, landslides, air ──
  { q: "公交末班车几点", want: "交通局's bus timetable service", href: ["departments/jiaotong.html#service-gongjiao-chaxun"] },
  { q: "下雨路塌方", want: "交通局's road-condition information service or storm-damage repair work item", href: ["departments/jiaotong.html#service-lukuang-xinxi", "departments/jiaotong.html#item-d02-3"] },
  { q: "村里免费修车", want: "交通局's on-site car-repair service", href: ["departments/jiaotong.html#service-qiche-weixiu"] },
  { q: "山洪要来了", want: "水利水电局's flood-warning service", href: ["departments/shuili.html#service-xunqi-yujing"] },
  { q: "河里偷挖沙子", want: "水利水电局's river-patrol work item on illegal sand mining", href: ["departments/shuili.html#item-d05-3"] },
  { q: "山体滑坡", want: "国土局's geological-hazard warning service", href: ["departments/guotu.html#service-dizai-yujing"] },
  { q: "雾霾", want: "环保局's air-quality warning service or air-monitoring work item", href: ["departments/huanbao.html#service-kongqi-yujing", "departments/huanbao.html#item-d06-1"] },

  // ── Farms and forests (农业局, 林业局) ──
  { q: "庄稼生虫了找谁", want: "农业局's pest bulletins, 农技110 service or pest-control work item", href: ["departments/nongye.html#service-binghai-qingbao", "departments/nongye.html#service-nongmin-peixun", "departments/nongye.html#item-d02-2"] },
  { q: "地里该施多少肥", want: "农业局's soil-testing fertiliser service", href: ["departments/nongye.html#service-cetu-peifang"] },
  { q: "电鱼", want: "农业局's work item on electro-fishing", href: ["departments/nongye.html#item-d04-3"] },
  { q: "病死猪乱扔", want: "农业局's work item on dead-animal disposal", href: ["departments/nongye.html#item-d03-3"] },
  { q: "农机补贴", want: "农业局's farm-machinery subsidy regime or work item", href: ["departments/nongye.html#regime-zhinong-zijin", "departments/nongye.html#item-d01-3"] },
  { q: "有人偷砍树", want: "林业局's work item on illegal logging", href: ["departments/linye.html#item-d01-3"] },

  // ── Work safety (安监局) ──
  { q: "开店卖鞭炮要审批吗", want: "安监局's fireworks retail licence regime", href: ["departments/anjian.html#regime-yhbz-ls"] },
  { q: "小厂免费查安全隐患", want: "安监局's free expert hazard-check service", href: ["departments/anjian.html#service-zhuanjia-chayinhuan"] },

  // ── Departments by everyday or older name: the department page must come first ──
  { q: "环保局电话", want: "环保局 first", href: ["departments/huanbao.html"], first: true },
  { q: "huanbaoju", want: "环保局 first (pinyin of 环保局)", href: ["departments/huanbao.html"], first: true },
  { q: "国土局", want: "国土局 first", href: ["departments/guotu.html"], first: true },
  { q: "工商局", want: "市场监管局 (formerly 工商局) first", href: ["departments/shichang.html"], first: true },
  { q: "卫生局电话", want: "卫计局 (卫生和计划生育局) first", href: ["departments/weisheng.html"], first: true },
  { q: "劳动局", want: "人力社保局 (formerly 劳动局) first", href: ["departments/renshe.html"], first: true },
  { q: "建设局", want: "住建局 (住房和城乡建设局) first", href: ["departments/zhujian.html"], first: true },
  { q: "水利局", want: "水利水电局 first", href: ["departments/shuili.html"], first: true },
  { q: "城管电话", want: "城管局 first", href: ["departments/chengguan.html"], first: true },
  { q: "安监局电话", want: "安监局 first", href: ["departments/anjian.html"], first: true },
  { q: "司法局在哪", want: "司法局 first", href: ["departments/sifa.html"], first: true },
];
